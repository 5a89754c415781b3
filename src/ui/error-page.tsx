import { Layout } from './layout.tsx'

const titles: Record<number, string> = {
  400: 'Bad request',
  403: 'Not allowed',
  404: 'Page not found',
  413: 'Too large',
}

export function ErrorPage(props: { status: number; message: string }) {
  const title = titles[props.status] ?? 'Something went wrong'
  return (
    <Layout title={title}>
      <div class="wrap">
        <h1>{title}</h1>
        <p class="lede">{props.message}</p>
        <p>
          <a href="/">Go to the home page</a> or <a href="/directory">browse the directory</a>.
        </p>
      </div>
    </Layout>
  )
}
