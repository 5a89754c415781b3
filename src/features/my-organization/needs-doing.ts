import { seatLabels } from '#src/features/seats/index.ts'
import type { MyOrganization } from './my-organization.ts'

/** The to-do list: what the obligations still ask this year, then any vacant seat. */
export function needsDoing(my: MyOrganization): string[] {
  const lines = [...my.owed]
  for (const role of ['representative', 'alternate'] as const)
    if (!my.seats[role])
      lines.push(
        `The ${seatLabels[role].toLowerCase()} seat is vacant: ${my.canManageSeats ? 'name someone on the seats page' : 'ask the representative or staff to fill it'}.`,
      )
  return lines.length > 0 ? lines : ['Nothing: every obligation is met or on its way.']
}
