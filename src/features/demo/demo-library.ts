import { demoBriefings, demoPresentationArchive } from './demo-content.ts'
import { demoId } from './demo-id.ts'
import { type DemoNetwork, recordedAt } from './demo-network.ts'

/** The last call held (not cancelled) on or before `date`, if any. */
function callOnOrBefore(net: DemoNetwork, date: string): string | null {
  const held = net.calls
    .filter((c) => c.status !== 'cancelled' && c.localDate <= date)
    .sort((a, b) => (a.localDate < b.localDate ? 1 : -1))
  return (held[0]?.id as string | undefined) ?? null
}

/** The network's library in the demo: its briefings and resources; and the archive pages of a few presentations. */
export function addLibrary(net: DemoNetwork, today: string): void {
  for (const { onCall, links, ...item } of demoBriefings) {
    if (item.publishedOn > today) continue
    net.briefings.push({
      id: demoId('briefing', item.slug),
      ...item,
      links: links ?? [],
      status: 'published',
      callId: onCall ? callOnOrBefore(net, item.publishedOn) : null,
      // Stamped with the item's date, so that two loads of the demo hold the same rows.
      createdAt: recordedAt(item.publishedOn),
      updatedAt: recordedAt(item.publishedOn),
      isDemo: true,
    })
  }
  const given = net.presentations.filter((p) => p.status === 'given')
  demoPresentationArchive.forEach((archive, i) => {
    const p = given[i]
    if (p) Object.assign(p, archive)
  })
}
