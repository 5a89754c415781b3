import type * as s from '#src/db/schema/index.ts'

export type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']

export type DemoNetwork = {
  designationPrograms: Insert<typeof s.designationPrograms>[]
  organizations: Insert<typeof s.organizations>[]
  organizationPartners: Insert<typeof s.organizationPartners>[]
  admissionEvents: Insert<typeof s.admissionEvents>[]
  designations: Insert<typeof s.designations>[]
  people: Insert<typeof s.people>[]
  seats: Insert<typeof s.seats>[]
  calls: Insert<typeof s.calls>[]
  attendance: Insert<typeof s.attendance>[]
  presentations: Insert<typeof s.presentations>[]
  sharingAttestations: Insert<typeof s.sharingAttestations>[]
  outcomeReports: Insert<typeof s.outcomeReports>[]
  outcomeFigures: Insert<typeof s.outcomeFigures>[]
  outcomeReportEvents: Insert<typeof s.outcomeReportEvents>[]
  outcomeGoals: Insert<typeof s.outcomeGoals>[]
  reportedFacts: Insert<typeof s.reportedFacts>[]
  briefings: Insert<typeof s.briefings>[]
  settings: Insert<typeof s.settings>[]
  sitePages: Insert<typeof s.sitePages>[]
  pageRevisions: Insert<typeof s.pageRevisions>[]
  newsPosts: Insert<typeof s.newsPosts>[]
  staffMembers: Insert<typeof s.staffMembers>[]
  boardMembers: Insert<typeof s.boardMembers>[]
}

/** The collaborative formed in 2018; demo admissions of the IMCP communities use this date. */
export const FOUNDING_DATE = '2018-06-04'
/** Records that happen "now" in the demo carry this fixed time, so two loads are identical. */
export const recordedAt = (date: string) => `${date}T12:00:00.000Z`

export type DemoOrg = {
  id: string
  slug: string
  admittedOn: string | null
  appliedOn: string
}
