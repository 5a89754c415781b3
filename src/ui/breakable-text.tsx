import type { Child } from 'hono/jsx'

/**
 * The text of one line as runs that may not wrap inside them: words of ordinary length stay
 * whole (with their spaces), longer runs (URLs, ids, JSON, field names) are cut after
 * / ? & = . _ - and at least every `every` characters. The runs join back to exactly the input.
 * The cuts only allow a break: on a wide screen the text reads as one.
 */
export function breakPoints(text: string, every = 8): string[] {
  const runs: string[] = []
  let plain = ''
  for (const token of text.split(/(\s+)/)) {
    if (token.length <= every + 4 || /^\s+$/.test(token)) {
      plain += token
      continue
    }
    const pieces = token
      .split(/(?<=[/?&=._-])/)
      .flatMap((part) =>
        Array.from({ length: Math.ceil(part.length / every) }, (_, i) =>
          part.slice(i * every, (i + 1) * every),
        ),
      )
    // A long run has two pieces at least: the first joins the text before it, the last the text after.
    runs.push(plain + (pieces[0] ?? ''), ...pieces.slice(1, -1))
    plain = pieces.at(-1) ?? ''
  }
  if (plain !== '' || runs.length === 0) runs.push(plain)
  return runs
}

/**
 * Text that wraps on narrow screens even where it has no spaces: long runs get <wbr>
 * (which copies as nothing). With `lines`, line breaks in the text are kept as <br>.
 * Everything is rendered as text, never as markup.
 */
export function BreakableText(props: { text: string; lines?: boolean }) {
  const lines = props.lines ? props.text.replace(/\r?\n$/, '').split(/\r?\n/) : [props.text]
  const out: Child[] = []
  lines.forEach((line, i) => {
    if (i > 0) out.push(<br />)
    breakPoints(line).forEach((run, j) => {
      if (j > 0) out.push(<wbr />)
      out.push(run)
    })
  })
  return <>{out}</>
}
