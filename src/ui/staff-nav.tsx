const staffPages = [
  { key: 'people', href: '/staff/people', label: 'People' },
  { key: 'invitations', href: '/staff/invitations', label: 'Invitations' },
  { key: 'applications', href: '/staff/applications', label: 'Applications' },
  { key: 'obligations', href: '/staff/obligations', label: 'Obligations' },
  { key: 'obligation-settings', href: '/staff/settings/obligations', label: 'Obligations settings' },
  { key: 'presentations', href: '/staff/presentations', label: 'Presentations' },
  { key: 'sharing', href: '/staff/sharing', label: 'Sharing records' },
  { key: 'calls', href: '/calls', label: 'Calls' },
  { key: 'call-joining', href: '/staff/calls/joining', label: 'Joining the calls' },
  { key: 'attendance-questions', href: '/staff/attendance-questions', label: 'Attendance questions' },
  { key: 'attendance-history', href: '/staff/attendance/history', label: 'Past attendance' },
  { key: 'outcomes', href: '/staff/outcomes', label: 'Outcome reports' },
  { key: 'outcome-metrics', href: '/staff/outcomes/metrics', label: 'Outcome metrics' },
  { key: 'outcome-import', href: '/staff/outcomes/import', label: 'Import outcome figures' },
  { key: 'outcome-facts', href: '/staff/outcomes/facts', label: 'Reported facts' },
  { key: 'funding-imports', href: '/staff/funding', label: 'Funding imports' },
  { key: 'funding-rules', href: '/staff/funding/rules', label: 'Funding relevance rules' },
  { key: 'funding-fetch', href: '/staff/funding/fetch', label: 'Daily Grants.gov fetch' },
  { key: 'site', href: '/staff/settings/site', label: 'Site identity' },
  { key: 'pages', href: '/staff/pages', label: 'Pages' },
  { key: 'news', href: '/staff/news', label: 'News' },
  { key: 'library', href: '/staff/library', label: 'Library' },
  { key: 'announcements', href: '/staff/announcements', label: 'Announcements' },
  { key: 'wordpress', href: '/staff/wordpress', label: 'WordPress import' },
  { key: 'audit', href: '/staff/audit', label: 'Audit log' },
  { key: 'api-tokens', href: '/staff/api-tokens', label: 'API tokens' },
  { key: 'outbox', href: '/staff/outbox', label: 'Email outbox' },
] as const

export type StaffPage = (typeof staffPages)[number]['key']

/** The staff pages in groups, as staff look for them: by the work they are doing. */
const groups: { label: string; keys: readonly StaffPage[] }[] = [
  { label: 'People and membership', keys: ['people', 'invitations', 'applications'] },
  {
    label: 'Obligations',
    keys: ['obligations', 'obligation-settings', 'presentations', 'sharing'],
  },
  {
    label: 'Calls and attendance',
    keys: ['calls', 'call-joining', 'attendance-questions', 'attendance-history'],
  },
  { label: 'Outcomes', keys: ['outcomes', 'outcome-metrics', 'outcome-import', 'outcome-facts'] },
  { label: 'Funding', keys: ['funding-imports', 'funding-rules', 'funding-fetch'] },
  { label: 'Site and content', keys: ['site', 'pages', 'news', 'library', 'announcements', 'wordpress'] },
  { label: 'Records and access', keys: ['audit', 'api-tokens', 'outbox'] },
]
const byKey = new Map(staffPages.map((p) => [p.key, p]))

/** Links between the staff pages, at the top of each, in groups. */
export function StaffNav(props: { current: StaffPage }) {
  return (
    <nav aria-label="Staff pages" class="staff-nav">
      {groups.map((group) => (
        <div class="staff-nav-group">
          <p class="staff-nav-label">{group.label}</p>
          <ul class="meta">
            {group.keys.map((key) => {
              const p = byKey.get(key)
              return p ? (
                <li>
                  <a href={p.href} aria-current={p.key === props.current ? 'page' : undefined}>
                    {p.label}
                  </a>
                </li>
              ) : null
            })}
          </ul>
        </div>
      ))}
    </nav>
  )
}
