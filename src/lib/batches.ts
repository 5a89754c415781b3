/**
 * The items in batches of `size` (the last may be shorter), read from the iterable as each batch
 * is asked for: a statement a batch, without copying a large Map or list into one array first.
 */
export function* batchesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a batch holds at least 1 item, not ${size}`)
  let batch: T[] = []
  for (const item of items) {
    batch.push(item)
    if (batch.length === size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
