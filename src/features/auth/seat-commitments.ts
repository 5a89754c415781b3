// The commitments of membership (DOMAIN.md, "Obligations"): acknowledged by the applicant on the
// application, and confirmed by each seat holder when accepting the invitation to the seat.

export const commitmentLabels = {
  attend_half:
    'The representative or the alternate attends at least half of the weekly calls held each year.',
  present_yearly: 'The organisation gives one presentation a year on a call, of 10 to 15 minutes.',
  share_quarterly: 'The organisation shares the network’s briefings with its stakeholders every quarter.',
} as const
export type CommitmentKey = keyof typeof commitmentLabels
export const commitmentKeys = Object.keys(commitmentLabels) as CommitmentKey[]

export const seatRoleLabels = { representative: 'Representative', alternate: 'Alternate' } as const
