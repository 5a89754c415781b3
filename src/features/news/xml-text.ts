/** Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates, U+FFFE/F). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const notXml = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/** Text as XML character data or an attribute value: escaped, with what XML cannot carry removed. */
export function xmlText(value: string): string {
  return value
    .replace(notXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** An element with escaped text, or nothing when the text is empty. */
export const element = (name: string, value: string, attributes = ''): string =>
  value === '' ? '' : `<${name}${attributes}>${xmlText(value)}</${name}>`
