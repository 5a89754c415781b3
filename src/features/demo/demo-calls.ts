import { isHeld, planCallSeries } from '#src/features/calls/index.ts'
import type { Settings } from '#src/features/settings/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { demoId } from './demo-id.ts'
import { type DemoNetwork, type DemoOrg, recordedAt } from './demo-network.ts'

/** The demo's calls of the year, their attendance, the presentations and the quarterly sharing. */
export function addCallsAndAttendance(
  net: DemoNetwork,
  orgs: DemoOrg[],
  options: { today: string; settings: Settings },
  random: () => number,
) {
  const { settings, today } = options
  const year = today.slice(0, 4)
  const planned = planCallSeries(`${year}-01-01`, `${year}-12-31`, {
    weekday: settings.callWeekday,
    startTime: settings.callStartTime,
    timeZone: settings.callTimeZone,
    durationMinutes: settings.callDurationMinutes,
    cancelOnHolidays: settings.cancelCallsOnFederalHolidays,
  })
  const reliability = new Map(orgs.map((o) => [o.id, 0.4 + random() * 0.55]))
  for (const call of planned) {
    const callId = demoId('call', call.localDate)
    const isPast = call.localDate < today
    const status = call.cancelReason ? 'cancelled' : 'scheduled'
    net.calls.push({
      id: callId,
      localDate: call.localDate,
      startTime: call.startTime,
      timeZone: call.timeZone,
      startsAt: call.startsAt,
      durationMinutes: call.durationMinutes,
      status,
      cancelReason: call.cancelReason,
      seriesDate: call.localDate,
      title: 'National call',
      isDemo: true,
    })
    if (status === 'cancelled' || !isPast) continue
    for (const org of orgs) {
      if (!org.admittedOn || org.admittedOn > call.localDate) continue
      const holders = net.seats.filter(
        (seat) =>
          seat.organizationId === org.id &&
          seat.startsOn <= call.localDate &&
          (!seat.endsOn || call.localDate < seat.endsOn),
      )
      const chance = reliability.get(org.id) ?? 0.5
      for (const seat of holders) {
        const attends = random() < (seat.role === 'representative' ? chance : chance * 0.45)
        if (!attends) continue
        const minutes = random() < 0.1 ? 3 + Math.floor(random() * 6) : 18 + Math.floor(random() * 13)
        const seconds = minutes * 60 + Math.floor(random() * 60)
        net.attendance.push({
          id: demoId('attendance', `${call.localDate}:${seat.personId}`),
          callId,
          personId: seat.personId,
          seconds,
          source: 'demo',
          firstJoin: call.startsAt,
          lastLeave: new Date(Date.parse(call.startsAt) + seconds * 1000).toISOString(),
        })
      }
    }
  }
  addPresentationsAndSharing(net, orgs, today, random)
}

export function addPresentationsAndSharing(
  net: DemoNetwork,
  orgs: DemoOrg[],
  today: string,
  random: () => number,
) {
  const year = Number(today.slice(0, 4))
  const openCalls = net.calls.filter((c) => c.status !== 'cancelled')
  const admitted = orgs.filter((o) => o.admittedOn && o.admittedOn <= `${year}-12-31`)
  admitted.forEach((org, index) => {
    // Two presentations a call, in turn through the year.
    const call = openCalls[Math.floor(index / 2) % openCalls.length]
    if (!call) return
    const isDone = isHeld({ status: call.status ?? 'scheduled', localDate: call.localDate }, today)
    net.presentations.push({
      id: demoId('presentation', `${org.slug}:${year}`),
      organizationId: org.id,
      year,
      callId: call.id,
      requestedMonth: Number(call.localDate.slice(5, 7)),
      status: isDone ? (random() < 0.9 ? 'given' : 'missed') : 'planned',
      title: 'Progress and best practices',
      actualMinutes: isDone ? 10 + Math.floor(random() * 6) : null,
    })
  })
  for (const org of admitted) {
    for (const quarter of [1, 2, 3, 4]) {
      const quarterEnd = `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`
      const admittedOn = org.admittedOn ?? ''
      if (admittedOn > quarterEnd) continue
      // Mid-quarter, or a week after admission for an organisation admitted later in the quarter.
      const middle = `${year}-${String(quarter * 3 - 1).padStart(2, '0')}-15`
      const afterAdmission = addDays(admittedOn, 7)
      const sharedOn =
        admittedOn < middle ? middle : afterAdmission < quarterEnd ? afterAdmission : quarterEnd
      if (sharedOn > today || random() < 0.03) continue
      net.sharingAttestations.push({
        id: demoId('sharing', `${org.slug}:${year}:Q${quarter}`),
        organizationId: org.id,
        sharedOn,
        audience: 'Regional partners',
        channel: 'Newsletter',
        description: 'Shared the network briefings of the quarter.',
        recordedAt: recordedAt(sharedOn),
      })
    }
  }
}

/** The collaborative's own people: two staff coordinators and a three-person Advisory Board. */
