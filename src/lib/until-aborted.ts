/**
 * The chunks of `source` until `signal` aborts; the reader then gets the signal's reason as its
 * error, and the source is closed. Without a signal, the source unchanged.
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined) {
  for await (const chunk of source) {
    signal?.throwIfAborted()
    yield chunk
  }
}
