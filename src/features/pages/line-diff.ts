/** One line of a comparison: kept in both, only in the older text (removed), or only in the newer (added). */
export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string }

/**
 * A line-by-line comparison of two texts: the longest common subsequence of lines (dynamic
 * programming; pages are short, at most a few thousand lines), then the removed and added runs.
 * @example lineDiff('a\nb', 'a\nc') // [same a, removed b, added c]
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split(/\r?\n/)
  const b = after.split(/\r?\n/)
  // Common first and last lines are cut off first: most saves change a few lines in the middle.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1
    endB -= 1
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const n = midA.length
  const m = midB.length
  // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = lengths[i] as Uint32Array
    const below = lengths[i + 1] as Uint32Array
    for (let j = m - 1; j >= 0; j -= 1)
      row[j] =
        midA[i] === midB[j]
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number)
  }
  const lines: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }))
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      lines.push({ kind: 'same', text: midA[i] as string })
      i += 1
      j += 1
    } else if (i < n && (j === m || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0))) {
      lines.push({ kind: 'removed', text: midA[i] as string })
      i += 1
    } else {
      lines.push({ kind: 'added', text: midB[j] as string })
      j += 1
    }
  }
  for (const text of a.slice(endA)) lines.push({ kind: 'same', text })
  return lines
}
