import { getContext } from 'hono/context-storage'
import type { AppEnv } from '#src/http/deps.ts'
import { ButtonForm } from './form-parts.tsx'

/** The signed-in part of the header: who you are, your pages, and signing out; or a sign-in link. */
export function ViewerNav() {
  let c: ReturnType<typeof getContext<AppEnv>> | undefined
  try {
    c = getContext<AppEnv>()
  } catch {
    c = undefined
  }
  const viewer = c?.get('viewer')
  if (!c || !viewer || viewer.kind !== 'user')
    return (
      <li>
        <a href="/sign-in">Sign in</a>
      </li>
    )
  const isStaff = viewer.roles.includes('staff')
  const isBoard = viewer.roles.includes('board')
  const isMember = viewer.roles.includes('representative') || viewer.roles.includes('alternate')
  return (
    <>
      {isMember ? (
        <li>
          <a href="/my-organization">My organisation</a>
        </li>
      ) : null}
      {isStaff || isBoard || isMember ? (
        <li>
          <a href="/calls">Calls</a>
        </li>
      ) : null}
      {isStaff || isBoard || isMember ? (
        <li>
          <a href="/members">Members</a>
        </li>
      ) : null}
      {isStaff || isBoard || isMember ? (
        <li>
          <a href="/funding">Funding</a>
        </li>
      ) : null}
      {isStaff || isBoard ? (
        <li>
          <a href="/staff/obligations">Obligations</a>
        </li>
      ) : null}
      {isStaff ? (
        <>
          <li>
            <a href="/staff/applications">Applications</a>
          </li>
          <li>
            <a href="/staff/audit">Audit log</a>
          </li>
        </>
      ) : null}
      {isBoard ? (
        <li>
          <a href="/board/applications">Board</a>
        </li>
      ) : null}
      {viewer.roles.includes('applicant') ? (
        <li>
          <a href="/applications">My applications</a>
        </li>
      ) : null}
      <li>
        <a href="/account">{viewer.name || 'Account'}</a>
      </li>
      <li>
        <ButtonForm action="/sign-out" formClass="inline-form" buttonClass="link-button">
          Sign out
        </ButtonForm>
      </li>
    </>
  )
}
