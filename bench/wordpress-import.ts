/**
 * How a 200 MB WordPress export imports (issue 12: under a minute, RSS under 300 MB): the file is
 * generated in a temporary folder (never committed) with 18,000 posts of block markup and
 * shortcodes, 600 pages three levels deep, attachments and comments; then `hub wordpress import
 * FILE --json` runs as a process of its own on a fresh PGlite data folder (or on PostgreSQL when
 * BENCH_DATABASE_URL names an empty, throwaway database), timed, with its peak RSS read by
 * /usr/bin/time. A second run of the same file (nothing changes) is timed too.
 *
 *   npm run bench:wordpress
 *   npm run bench:wordpress -- --mb 50 --json
 *
 * The goals are reported, not asserted; the exit code is non-zero only when an import failed.
 */
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { author, WXR_TAIL, type WxrDialect, wxrHead, wxrItemXml } from '../tests/support/wxr-files.ts'

const { values } = parseArgs({ options: { mb: { type: 'string' }, json: { type: 'boolean' } } })
const TARGET = Number(values.mb ?? 200) * 1024 * 1024
const GOAL_SECONDS = 60
const GOAL_RSS_MB = 300
const SITE = 'https://bench.wordpress.example'
const d: WxrDialect = { version: '1.2', excerptScheme: 'https', wp: 'wp', ex: 'excerpt' }

const paragraph = (n: number) =>
  `<!-- wp:paragraph -->\n<p>Paragraph ${n} about advanced manufacturing, workforce training and supply chains in the region, with <strong>partners</strong> and <a href="https://example.org/${n}">a link</a>.</p>\n<!-- /wp:paragraph -->\n\n`
const body = (i: number) =>
  `${Array.from({ length: 20 }, (_, n) => paragraph(i * 20 + n)).join('')}[caption id="attachment_${i}" width="300"]<img src="https://bench.files.example/${i}.jpg" alt="Photo ${i}"> Caption ${i}[/caption]\n\n[embed]https://www.youtube.com/watch?v=${i}[/embed]\n\n<script>alert(${i})</script>`

async function generate(file: string): Promise<{ posts: number; pages: number }> {
  const out = createWriteStream(file)
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)))
  await write(wxrHead(SITE, d, author('wp', 'editor', 'editor@bench.example', 'Editor')))
  let bytes = 0
  let pages = 0
  let posts = 0
  for (let i = 1; bytes < TARGET; i++) {
    const isPage = i % 30 === 0
    const parent = isPage && pages % 3 !== 0 ? i - 30 : 0
    const item = wxrItemXml(SITE, d, {
      id: i,
      title: `${isPage ? 'Page' : 'Post'} ${i}: Ünïcödé & right-to-left مركز`,
      type: isPage ? 'page' : 'post',
      slug: `item-${i}`,
      parent,
      status: i % 50 === 0 ? 'draft' : 'publish',
      link: isPage ? `${SITE}/page-${i}/` : `${SITE}/2020/01/02/item-${i}/`,
      content: body(i),
      excerpt: `Excerpt ${i}`,
      creator: 'editor',
      categories: [['news', 'News']],
      tags: [[`tag-${i % 40}`, `Tag ${i % 40}`]],
      comments: i % 10 === 0 ? 2 : 0,
    })
    if (isPage) pages += 1
    else posts += 1
    bytes += Buffer.byteLength(item) + 1
    await write(`${item}\n`)
  }
  await write(WXR_TAIL)
  await new Promise((resolve) => out.end(resolve))
  return { posts, pages }
}

type Run = { seconds: number; rssMb: number; code: number; stdout: string; stderr: string }

function hub(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'bin/hub.js', ...args], {
      env: { ...process.env, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      const [, seconds = '0', kb = '0'] = stderr.match(/TIME ([\d.]+) (\d+)/) ?? []
      resolve({ seconds: Number(seconds), rssMb: Number(kb) / 1024, code: code ?? 1, stdout, stderr })
    })
  })
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-wordpress-'))
try {
  const file = path.join(dir, 'export.xml')
  const made = await generate(file)
  const size = (await stat(file)).size
  const env: Record<string, string> = process.env.BENCH_DATABASE_URL
    ? { DATABASE_URL: process.env.BENCH_DATABASE_URL }
    : { DATA_DIR: path.join(dir, 'data') }
  const migrated = await hub(['migrate'], env)
  if (migrated.code !== 0) throw new Error(migrated.stderr)
  const first = await hub(['wordpress', 'import', file, '--json'], env)
  const again = await hub(['wordpress', 'import', file, '--json'], env)
  const summary = first.code === 0 ? JSON.parse(first.stdout) : null
  const result = {
    engine: process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite',
    fileMb: Number((size / 1024 / 1024).toFixed(1)),
    generated: made,
    import: { seconds: first.seconds, rssMb: Math.round(first.rssMb), code: first.code },
    reimport: { seconds: again.seconds, rssMb: Math.round(again.rssMb), code: again.code },
    counts: summary && { posts: summary.posts, pages: summary.pages, redirects: summary.redirects },
    goals: { seconds: GOAL_SECONDS, rssMb: GOAL_RSS_MB },
    met: first.seconds < GOAL_SECONDS && first.rssMb < GOAL_RSS_MB,
  }
  if (values.json) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(
      `WordPress import of a ${result.fileMb} MB export (${made.posts} posts, ${made.pages} pages) on ${result.engine}:`,
    )
    console.log(
      `  import:   ${first.seconds.toFixed(1)} s, peak RSS ${Math.round(first.rssMb)} MB (goal < ${GOAL_SECONDS} s, < ${GOAL_RSS_MB} MB)`,
    )
    console.log(
      `  again:    ${again.seconds.toFixed(1)} s, peak RSS ${Math.round(again.rssMb)} MB (nothing changes)`,
    )
    if (summary)
      console.log(`  posts ${JSON.stringify(summary.posts)}, pages ${JSON.stringify(summary.pages)}`)
  }
  if (first.code !== 0 || again.code !== 0) {
    console.error(first.stderr.slice(-2000), again.stderr.slice(-2000))
    process.exitCode = 1
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
