import fc from 'fast-check'

/**
 * A file's bytes with one byte changed to any value, for a reader's property test: the reader must
 * read the result or refuse it with its own error, never crash.
 */
export const oneByteChanged = (bytes: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => {
    const changed = new Uint8Array(bytes)
    changed[at] = value
    return changed
  })
