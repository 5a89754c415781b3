import { describe, expect, it } from 'vitest'
import { sampleJpeg, samplePdf, samplePng } from '../../../tests/support/fixtures/sample-files.ts'
import { checkImageUpload } from './image-upload.ts'

describe('checking an uploaded image', () => {
  it('keeps a PNG or a JPEG, named after what its content is', () => {
    expect(checkImageUpload({ name: 'logo.PNG', bytes: samplePng() })).toMatchObject({
      ok: true,
      image: { name: 'logo.png', kind: 'png' },
    })
    expect(checkImageUpload({ name: 'cover', bytes: sampleJpeg() })).toMatchObject({
      ok: true,
      image: { name: 'cover.jpg', kind: 'jpeg' },
    })
  })

  it('refuses a file of another kind, and one whose name claims an image its content is not', () => {
    expect(checkImageUpload({ name: 'cover.pdf', bytes: samplePdf() })).toEqual({
      ok: false,
      status: 400,
      message: 'cover.pdf is not a PNG or JPEG image.',
    })
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    expect(checkImageUpload({ name: 'logo.png', bytes: svg })).toMatchObject({
      ok: false,
      message: 'logo.png is not a PNG image: its content is not a PNG or JPEG image.',
    })
  })
})
