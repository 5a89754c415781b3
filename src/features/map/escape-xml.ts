const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * Escapes text for use in XML/SVG text content or a quoted attribute value.
 * Quotes are escaped too, so one helper is safe in both places.
 * @example escapeXml('<b> & "c"') // '&lt;b&gt; &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char)
}
