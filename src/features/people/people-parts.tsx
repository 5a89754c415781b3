import type { PersonRole } from './people-filters.ts'
import { personRoleLabels } from './people-filters.ts'
import type { AccountState } from './person-sql.ts'

const accountLabels: Record<AccountState, string> = {
  account: 'Can sign in',
  invited: 'Invited, not accepted yet',
  expired: 'Invitation expired',
  never: 'Never invited',
}

/** Whether the person can sign in, in a few words. */
export function AccountBadge(props: { state: AccountState }) {
  return (
    <span class={props.state === 'account' ? 'badge' : 'badge fictional'}>{accountLabels[props.state]}</span>
  )
}

/** The roles a person holds today, as one line; seats name their organisation. */
export function RoleBadges(props: {
  roles: Exclude<PersonRole, 'none'>[]
  seats: { role: 'representative' | 'alternate'; organization: string }[]
}) {
  const other = props.roles.filter((r) => r !== 'representative' && r !== 'alternate')
  const words = [
    ...other.map((r) => personRoleLabels[r]),
    ...props.seats.map((s) => `${personRoleLabels[s.role]} of ${s.organization}`),
  ]
  return words.length === 0 ? <span class="note">None</span> : words.join('; ')
}
