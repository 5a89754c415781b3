import { describe, expect, it } from 'vitest'
import { isHeld } from '#src/features/calls/held.ts'
import { defaultSettings } from '#src/features/settings/settings.ts'
import { buildDemoNetwork } from './build-demo.ts'
import { demoFacts } from './facts.ts'

const build = (today = '2026-11-26') => buildDemoNetwork({ today, settings: defaultSettings })
const isDemoCallHeld = (c: { status?: 'scheduled' | 'cancelled'; localDate: string }) =>
  isHeld({ status: c.status ?? 'scheduled', localDate: c.localDate }, '2026-11-26')

describe('the demo network', () => {
  it('has all 24 IMCP communities with exactly the counties the facts give, none invented', () => {
    const net = build()
    const imcp = demoFacts.communities
    expect(imcp).toHaveLength(24)
    for (const fact of imcp) {
      const org = net.organizations.find((o) => o.name === fact.name)
      expect(org, fact.name).toBeDefined()
      expect(org?.counties).toEqual(fact.counties)
      expect(org?.states).toEqual(fact.states)
      expect(org?.leadOrganization).toBe(fact.lead)
    }
  })

  it("carries AMP SoCal's reported outcomes as one verified report", () => {
    const net = build()
    const amp = net.organizations.find((o) => o.slug === 'amp-socal')
    const report = net.outcomeReports.find((r) => r.organizationId === amp?.id)
    expect(report).toMatchObject({ periodStart: '2014-05-28', periodEnd: '2016-05-27', status: 'verified' })
    const figures = Object.fromEntries(
      net.outcomeFigures.filter((f) => f.reportId === report?.id).map((f) => [f.metric, f.actual]),
    )
    expect(figures).toEqual({ jobs_created: 4347, jobs_retained: 1953, workers_trained: 1500 })
  })

  it('adds the known DMCSP designees once, without duplicating one an IMCP community already carries', () => {
    const net = build()
    const southKansas = net.organizations.filter((o) => o.states?.includes('KS'))
    expect(southKansas.map((o) => o.slug)).toEqual(['south-kansas'])
    const dmcspDesignations = new Set(
      net.designations.filter(
        (d) => d.programId === net.designationPrograms.find((p) => p.code === 'DMCSP')?.id,
      ),
    )
    expect(dmcspDesignations.size).toBe(demoFacts.dmcsp_designees.length)
  })

  it('marks every record as demo and every BFF as fictional, with example.org addresses', () => {
    const net = build()
    expect(net.organizations.every((o) => o.isDemo)).toBe(true)
    const bffs = net.organizations.filter((o) => o.category === 'bff')
    expect(bffs.map((o) => o.bffKind).sort()).toEqual(['federal_agency', 'national_ngo', 'private_entity'])
    expect(bffs.every((o) => o.isFictional)).toBe(true)
    expect(net.people.every((p) => p.email.endsWith('@example.org'))).toBe(true)
    expect(new Set(net.people.map((p) => p.email)).size).toBe(net.people.length)
  })

  it('gives every admitted organisation one representative and one alternate on any date', () => {
    const net = build()
    const admitted = net.admissionEvents.filter((e) => e.kind === 'admitted')
    for (const event of admitted) {
      for (const date of ['2026-03-02', '2026-06-01', '2026-11-23']) {
        if (event.effectiveOn > date) continue
        const holders = net.seats.filter(
          (s) =>
            s.organizationId === event.organizationId && s.startsOn <= date && (!s.endsOn || date < s.endsOn),
        )
        expect(holders.map((s) => s.role).sort()).toEqual(['alternate', 'representative'])
      }
    }
  })

  it("holds this year's Monday calls up to today, cancels the five Monday holidays of 2026", () => {
    const net = build()
    expect(net.calls).toHaveLength(52)
    expect(net.calls.filter((c) => c.status === 'cancelled').map((c) => c.localDate)).toEqual([
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-09-07',
      '2026-10-12',
    ])
    expect(net.calls.every((c) => c.status === 'scheduled' || c.status === 'cancelled')).toBe(true)
    expect(
      net.calls.filter((c) => c.status === 'scheduled' && !isDemoCallHeld(c)).map((c) => c.localDate),
    ).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'])
  })

  it('records attendance only on held calls and only for people holding a seat that day', () => {
    const net = build()
    const held = new Map(net.calls.filter((c) => isDemoCallHeld(c)).map((c) => [c.id, c.localDate]))
    for (const a of net.attendance) {
      const date = held.get(a.callId)
      expect(date).toBeDefined()
      const seat = net.seats.find(
        (s) =>
          s.personId === a.personId && s.startsOn <= (date ?? '') && (!s.endsOn || (date ?? '') < s.endsOn),
      )
      expect(seat).toBeDefined()
    }
  })

  it('is the same every time for the same day', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()))
  })
})
