import { checkUpload, displayName } from './files.ts'

/** What an image upload takes, in the words of its refusals. */
const acceptedImagesText = 'a PNG or JPEG image'

/** An image checked for keeping: a PNG or JPEG by its content, with a safe name. */
export type ImageUpload = { name: string; kind: 'png' | 'jpeg'; bytes: Uint8Array }

export type ImageCheck = { ok: true; image: ImageUpload } | { ok: false; status: 400 | 413; message: string }

/**
 * Whether an uploaded file can be kept as an image shown on the site (a news cover, the logo):
 * `checkUpload`'s rules (not empty, at most 20 MB, recognised by its content), and then a PNG or
 * JPEG only. SVG is never taken: it can carry script.
 */
export function checkImageUpload(file: { name: string; bytes: Uint8Array }): ImageCheck {
  const checked = checkUpload(file, acceptedImagesText)
  if (!checked.ok) return checked
  if (checked.kind !== 'png' && checked.kind !== 'jpeg')
    return {
      ok: false,
      status: 400,
      message: `${displayName(file.name) || 'The file'} is not ${acceptedImagesText}.`,
    }
  return { ok: true, image: { name: checked.name, kind: checked.kind, bytes: file.bytes } }
}
