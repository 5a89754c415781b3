import type { DemoNetwork } from './demo-network.ts'

/** The network's news in the demo. */
export function addNews(_net: DemoNetwork, _today: string): void {}
