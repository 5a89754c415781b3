import { demoBriefings } from './demo-content.ts'
import { demoId } from './demo-id.ts'
import type { DemoNetwork } from './demo-network.ts'

/** The network's library in the demo: its briefings and resources. */
export function addLibrary(net: DemoNetwork, _today: string): void {
  for (const briefing of demoBriefings) {
    net.briefings.push({
      id: demoId('briefing', briefing.slug),
      ...briefing,
      visibility: 'public',
      isDemo: true,
    })
  }
}
