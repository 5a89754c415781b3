import type { FlashMessage } from '#src/ui/form-parts.tsx'

/**
 * The text of the notice an address carries (`?notice=saved`, after a redirect), when it is one of
 * the page's own `notices`; never a property every object has (`?notice=constructor`).
 */
export const noticeText = (notices: Record<string, string>, key: string | undefined): string | undefined =>
  key !== undefined && Object.hasOwn(notices, key) ? notices[key] : undefined

/** The flash of the notice an address carries (noticeText), or none. */
export const noticeFlash = (
  notices: Record<string, string>,
  key: string | undefined,
): FlashMessage | undefined => {
  const text = noticeText(notices, key)
  return text ? { text } : undefined
}
