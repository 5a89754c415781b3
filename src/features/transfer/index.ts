/** The transfer feature's public face: what other features and the app may use. */
export { exportNetwork } from './export-network.ts'
export { isRefusedExport } from './format.ts'
export { importNetwork, verifyExport } from './import-network.ts'
export { assertDatabaseEmpty, countRows } from './tables.ts'
