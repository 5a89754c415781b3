import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readWxr } from './wxr-reader.ts'
import type { WxrItem } from './wxr-types.ts'

/**
 * Small WXR files for the reader's unit tests, written to a temporary folder. `wxr(items)` puts
 * the items on line 4, so that a test can say where a person would find a problem.
 */
export function wxr(items: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return [
    declaration,
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel><title>Site</title><wp:wxr_version>1.2</wp:wxr_version>',
    items,
    '</channel></rss>',
    '',
  ].join('\n')
}

export function tempFiles() {
  let dir = ''
  let n = 0
  return {
    async open() {
      dir = await mkdtemp(path.join(os.tmpdir(), 'hub-wxr-'))
    },
    async close() {
      await rm(dir, { recursive: true, force: true })
    },
    /** The items read from these bytes or text (UTF-8), or the error that refused them. */
    async read(content: string | Uint8Array): Promise<WxrItem[]> {
      const file = path.join(dir, `export-${n++}.xml`)
      await writeFile(file, content)
      const items: WxrItem[] = []
      try {
        await readWxr(file, { item: (item) => void items.push(item) })
        return items
      } finally {
        await rm(file)
      }
    },
    async refusal(content: string | Uint8Array): Promise<Error> {
      try {
        await this.read(content)
      } catch (error) {
        return error as Error
      }
      throw new Error('the file was read, not refused')
    },
  }
}
