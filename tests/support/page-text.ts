/**
 * HTML as a reader sees it: tags dropped, the common entities decoded, spaces collapsed, and no
 * space left before a comma or full stop where a tag ended.
 */
export const htmlText = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim()

/** A page's text as a reader sees it (see htmlText). */
export async function pageText(response: Response): Promise<string> {
  return htmlText(await response.text())
}

/** A page's HTML without the `<wbr/>` break hints long values carry, for matching markup. */
export async function pageHtml(response: Response): Promise<string> {
  return (await response.text()).replaceAll('<wbr/>', '')
}
