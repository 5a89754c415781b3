import type { Context, Hono } from 'hono'
import { isLive } from '#src/db/publication.ts'
import { checkImageUpload } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm, formFields, formWithFile } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isRefusal } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { EditorPage, type EditorProps } from './editor.view.tsx'
import { type PostFields, postForm } from './news-form.ts'
import { PRESS_RELEASE } from './news-types.ts'
import { postLocal } from './post-dates.ts'
import { createPost, deletePost, updatePost } from './save-post.ts'
import { StaffNewsPage } from './staff-list.view.tsx'
import { authorChoices, findPostById, listAllPosts, type StoredPost } from './staff-queries.ts'

/** The editor's fields for a stored post. */
function fieldsOf(post: StoredPost, timeZone: string, now: Date): PostFields {
  const local = post.publishAt ? postLocal(post.publishAt, timeZone) : { date: '', time: '' }
  const isPress = (c: string) => c.toLowerCase() === PRESS_RELEASE.toLowerCase()
  return {
    title: post.title,
    slug: post.slug,
    ...local,
    // A scheduled post whose time came is out: saving it again keeps it out.
    status: post.status === 'scheduled' && isLive(post, now) ? 'published' : post.status,
    visibility: post.visibility,
    author: post.authorId ?? '',
    authorName: post.authorName,
    summary: post.summary,
    body: post.bodyMarkdown,
    pressRelease: post.categories.some(isPress) ? 'yes' : undefined,
    categories: post.categories.filter((c) => !isPress(c)).join(', '),
    tags: post.tags.join(', '),
    coverAlt: post.coverAlt,
  }
}

/** The posted fields and the cover file (PNG or JPEG), or the cover's refusal. */
async function readPostBody(c: Context<AppEnv>) {
  const { fields, file } = await formWithFile(c, 'cover')
  if (!file) return { fields }
  const checked = checkImageUpload(file)
  if (!checked.ok) return { fields, coverError: { message: checked.message, status: checked.status } }
  return { fields, cover: checked.image }
}

/** Staff write, edit and delete posts: /staff/news. */
export function staffNewsRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database
  const tz = deps.clock.timeZone

  async function editor(
    c: Context<AppEnv>,
    props: Omit<EditorProps, 'authors' | 'timeZone'>,
    status: 200 | 400 | 409 | 413 = 200,
  ) {
    const authors = await authorChoices(db, deps.clock.today(), props.values.author || null)
    return renderPage(c, <EditorPage {...props} authors={authors} timeZone={tz} />, { status })
  }

  async function postOr404(c: Context<AppEnv>) {
    const id = c.req.param('id') ?? ''
    const post = isUuid(id) ? await findPostById(db, id) : undefined
    if (!post) throw notFound('There is no post with this id: it may have been deleted.')
    return post
  }

  /** Checks and saves the editor's form; the editor again with its messages when something is wrong. */
  async function save(c: Context<AppEnv>, post?: StoredPost) {
    const { fields, cover, coverError } = await readPostBody(c)
    const form = checkForm(postForm, fields)
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors }
    if (coverError) errors.cover = coverError.message
    if (!form.ok || coverError) return editor(c, { post, values: fields, errors }, coverError?.status ?? 400)
    const { personId, actor } = editorOf(c.get('viewer'))
    const options = { values: form.value, cover, now: deps.clock.now(), timeZone: tz, personId }
    try {
      let id = post?.id
      if (post) await updatePost(db, actor, post.id, options)
      else id = (await createPost(db, actor, options)).id
      return c.redirect(`/staff/news/${id}/edit?saved=1`, 303)
    } catch (error) {
      if (!isRefusal(error)) throw error
      return editor(c, { post, values: fields, errors: { [error.field ?? 'form']: error.userMessage } }, 409)
    }
  }

  app.get('/staff/news', requirePermission('site:manage'), async (c) => {
    const deleted = c.req.query('deleted') === '1'
    return renderPage(
      c,
      <StaffNewsPage
        posts={await listAllPosts(db)}
        now={deps.clock.now()}
        timeZone={tz}
        flash={deleted ? { text: 'The post was deleted.' } : undefined}
      />,
    )
  })

  app.get('/staff/news/new', requirePermission('site:manage'), (c) => {
    const viewer = c.get('viewer')
    const local = postLocal(deps.clock.now().toISOString(), tz)
    const author = viewer.kind === 'user' ? (viewer.personId ?? '') : ''
    return editor(c, { values: { ...local, status: 'draft', visibility: 'public', author }, errors: {} })
  })
  app.post('/staff/news/new', requirePermission('site:manage'), (c) => save(c))

  app.get('/staff/news/:id/edit', requirePermission('site:manage'), async (c) => {
    const post = await postOr404(c)
    const flash = c.req.query('saved') === '1' ? { text: 'The post was saved.' } : undefined
    return editor(c, { post, values: fieldsOf(post, tz, deps.clock.now()), errors: {}, flash })
  })
  app.post('/staff/news/:id/edit', requirePermission('site:manage'), async (c) => save(c, await postOr404(c)))

  app.post('/staff/news/:id/delete', requirePermission('site:manage'), async (c) => {
    const post = await postOr404(c)
    if ((await formFields(c)).confirm !== 'yes')
      return editor(
        c,
        {
          post,
          values: fieldsOf(post, tz, deps.clock.now()),
          errors: {},
          flash: { isError: true, text: 'Tick the box to confirm that the post should be deleted.' },
        },
        400,
      )
    await deletePost(db, editorOf(c.get('viewer')).actor, post.id)
    return c.redirect('/staff/news?deleted=1', 303)
  })
}
