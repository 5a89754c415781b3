import { createReadStream } from 'node:fs'
import path from 'node:path'
import { AppError } from '#src/lib/errors.ts'
import { zipMemberBytes, zipMembers } from '#src/lib/zip-file.ts'

/** Far more than a daily extract (about 200 MB unpacked), so a zip bomb stops early. */
export const MAX_EXTRACT_BYTES = 2 * 1024 ** 3

/**
 * The bytes of an extract on disk, as a stream: the .xml itself, or the one .xml inside a .zip
 * (as Grants.gov publishes GrantsDBExtractYYYYMMDDv2.zip), with the name to record.
 */
export async function extractSource(
  file: string,
): Promise<{ name: string; source: AsyncIterable<Uint8Array> }> {
  if (!/\.zip$/i.test(file))
    return { name: path.basename(file), source: createReadStream(file, { highWaterMark: 256 * 1024 }) }
  const xml = (await zipMembers(file)).filter(
    (member) => /\.xml$/i.test(member.name) && !member.name.endsWith('/'),
  )
  const [member] = xml
  if (!member || xml.length > 1) {
    throw new AppError('BAD_INPUT', {
      userMessage: `The zip should hold one .xml extract; ${path.basename(file)} holds ${xml.length}. Nothing was imported.`,
    })
  }
  return { name: path.basename(member.name), source: zipMemberBytes(file, member, MAX_EXTRACT_BYTES) }
}
