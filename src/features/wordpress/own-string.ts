/**
 * A copy of a short string that owns its characters: what the XML parser hands over may be a
 * slice of the whole chunk it read, and keeping the slice would keep the chunk (by the end of a
 * long file, the file).
 */
export const own = (text: string): string => (text === '' ? '' : Buffer.from(text, 'utf8').toString('utf8'))
