/** A page's text as a reader sees it: tags dropped, the common entities decoded, spaces collapsed. */
export async function pageText(response: Response): Promise<string> {
  return (await response.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
