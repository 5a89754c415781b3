import { displayName } from '#src/features/files/index.ts'

/**
 * A name to offer in the download of a source file: the name it was uploaded under, without
 * a path or characters file systems refuse, ending in .csv, .tsv or .txt.
 */
export function reportDownloadName(name: string): string {
  let stem = displayName(name)
    .replace(/["*:<>?|]/g, '_')
    .replace(/^[.\s]+/, '')
  const extension = /\.(csv|tsv|txt)$/i.exec(stem)?.[1]?.toLowerCase()
  if (extension) stem = stem.slice(0, -extension.length - 1)
  stem = Array.from(stem)
    .slice(0, 120)
    .join('')
    .replace(/[.\s]+$/, '')
  return `${stem || 'attendance-report'}.${extension ?? 'csv'}`
}
