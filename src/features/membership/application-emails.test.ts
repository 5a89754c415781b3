import { describe, expect, it } from 'vitest'
import {
  type ApplicationNews,
  composeAnsweredEmails,
  composeReadyForBoardEmails,
  composeSubmittedEmails,
} from './application-emails.ts'

const ctx = { network: 'Test Network', origin: 'https://hub.example.org', today: '2027-03-01' }
const app: ApplicationNews = {
  id: 'app-1',
  category: 'bff',
  organizationName: 'Open Tools Lab',
  round: 2,
  applicant: { fullName: 'Gia Applicant', email: 'gia@example.org' },
}
const staff = [
  { fullName: 'Ada Staff', email: 'ada@example.org' },
  { fullName: 'No Address', email: ' ' },
]

describe('the emails of an application', () => {
  it('on submission: a receipt to the applicant, a notice to each staff member with an address', () => {
    const emails = composeSubmittedEmails(app, staff, { ...ctx, toBoard: false })
    expect(emails.map((e) => e.to)).toEqual(['gia@example.org', 'ada@example.org'])
    const [receipt, notice] = emails
    expect(receipt?.subject).toBe('Test Network: the application of Open Tools Lab is submitted')
    expect(receipt?.text).toContain(
      'The application of Open Tools Lab (BFF) to the Test Network was submitted on March 1, 2027.',
    )
    expect(receipt?.text).toContain('https://hub.example.org/applications/app-1')
    expect(notice?.text).toContain('https://hub.example.org/staff/applications/app-1')
  })

  it('carry no unsubscribe link, and say why they are sent', () => {
    const all = [
      ...composeSubmittedEmails(app, staff, { ...ctx, toBoard: true }),
      ...composeReadyForBoardEmails(app, staff, ctx),
      ...composeAnsweredEmails(app, 'Done.', staff, ctx),
    ]
    for (const email of all) {
      expect(email.unsubscribeUrl).toBeUndefined()
      expect(email.text).toMatch(/\n--\nYou receive this email (because|as)/)
    }
  })

  it('send the board to its own page, and staff the answer with the round it opens', () => {
    const [ready] = composeReadyForBoardEmails(app, staff, ctx)
    expect(ready?.text).toContain('https://hub.example.org/board/applications/app-1')
    expect(ready?.text).toContain('is with the Advisory Board since March 1, 2027, ready for your vote.')
    const [answered] = composeAnsweredEmails(app, 'The plan is attached.', staff, ctx)
    expect(answered?.text).toContain('back with staff for round 2.')
    expect(answered?.text).toContain('The answer:\nThe plan is attached.')
  })
})
