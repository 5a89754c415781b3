import { escapeXml } from '#src/lib/text.ts'

/** An element with escaped text, or nothing when the text is empty. */
export const element = (name: string, value: string, attributes = ''): string =>
  value === '' ? '' : `<${name}${attributes}>${escapeXml(value)}</${name}>`
