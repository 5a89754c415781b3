import { describe, expect, it } from 'vitest'
import { fetchAddress } from './daily-fetch.ts'
import { downloadName } from './download-extract.ts'
import { grantsFetchScheduleFromEnv } from './fetch-schedule.ts'

describe('the daily fetch of the Grants.gov extract', () => {
  it('runs its timer by default, never in tests unless asked, and refuses a wrong GRANTS_FETCH', () => {
    expect(grantsFetchScheduleFromEnv({}, 'production')).toEqual({ firstRunMs: 60_000, intervalMs: 900_000 })
    expect(grantsFetchScheduleFromEnv({}, 'test')).toBe('off')
    expect(grantsFetchScheduleFromEnv({ GRANTS_FETCH: 'on' }, 'test')).not.toBe('off')
    expect(grantsFetchScheduleFromEnv({ GRANTS_FETCH: 'off' }, 'production')).toBe('off')
    expect(() => grantsFetchScheduleFromEnv({ GRANTS_FETCH: 'daily' }, 'production')).toThrow(
      'GRANTS_FETCH must be on or off',
    )
  })

  it('puts the network’s day into the address and names the file it fetched', () => {
    expect(fetchAddress('https://x.test/GrantsDBExtract{YYYYMMDD}v2.zip', '2025-02-01')).toBe(
      'https://x.test/GrantsDBExtract20250201v2.zip',
    )
    expect(fetchAddress('https://x.test/latest.zip', '2025-02-01')).toBe('https://x.test/latest.zip')
    const zip = new Uint8Array([0x50, 0x4b, 3, 4])
    expect(downloadName(new URL('https://x.test/a/GrantsDBExtract20250201v2.zip'), zip, '2025-02-01')).toBe(
      'GrantsDBExtract20250201v2.zip',
    )
    expect(downloadName(new URL('https://x.test/latest?day=1'), zip, '2025-02-01')).toBe(
      'GrantsDBExtract20250201v2.zip',
    )
    expect(
      downloadName(new URL('https://x.test/feed'), new TextEncoder().encode('<?xml'), '2025-02-01'),
    ).toBe('GrantsDBExtract20250201v2.xml')
  })
})
