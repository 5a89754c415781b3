/** Above a form sent back with mistakes: each field to correct, with a link to it. */

export function ProblemList(props: {
  title: string
  problems: { href: string; label: string; message: string }[]
}) {
  if (props.problems.length === 0) return null
  return (
    <div class="flash error" role="alert" id="form-problems">
      <p>{props.title}</p>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={p.href}>{p.label}</a>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
