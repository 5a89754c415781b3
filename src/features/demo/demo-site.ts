import type { DemoNetwork } from './demo-network.ts'

/** The network's name and logo, and the pages of its public site, in the demo. */
export function addSiteIdentityAndPages(_net: DemoNetwork, _today: string): void {}
