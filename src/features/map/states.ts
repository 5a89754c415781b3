import { atlasCountyName, atlasHasCounty } from './atlas.ts'

/**
 * The 50 states, DC and Puerto Rico: two-letter USPS code, 2-digit FIPS code and name.
 * Puerto Rico is listed so regions there validate, but the Albers USA atlas has no shape for it.
 */
export const usStates = [
  { code: 'AL', fips: '01', name: 'Alabama' },
  { code: 'AK', fips: '02', name: 'Alaska' },
  { code: 'AZ', fips: '04', name: 'Arizona' },
  { code: 'AR', fips: '05', name: 'Arkansas' },
  { code: 'CA', fips: '06', name: 'California' },
  { code: 'CO', fips: '08', name: 'Colorado' },
  { code: 'CT', fips: '09', name: 'Connecticut' },
  { code: 'DE', fips: '10', name: 'Delaware' },
  { code: 'DC', fips: '11', name: 'District of Columbia' },
  { code: 'FL', fips: '12', name: 'Florida' },
  { code: 'GA', fips: '13', name: 'Georgia' },
  { code: 'HI', fips: '15', name: 'Hawaii' },
  { code: 'ID', fips: '16', name: 'Idaho' },
  { code: 'IL', fips: '17', name: 'Illinois' },
  { code: 'IN', fips: '18', name: 'Indiana' },
  { code: 'IA', fips: '19', name: 'Iowa' },
  { code: 'KS', fips: '20', name: 'Kansas' },
  { code: 'KY', fips: '21', name: 'Kentucky' },
  { code: 'LA', fips: '22', name: 'Louisiana' },
  { code: 'ME', fips: '23', name: 'Maine' },
  { code: 'MD', fips: '24', name: 'Maryland' },
  { code: 'MA', fips: '25', name: 'Massachusetts' },
  { code: 'MI', fips: '26', name: 'Michigan' },
  { code: 'MN', fips: '27', name: 'Minnesota' },
  { code: 'MS', fips: '28', name: 'Mississippi' },
  { code: 'MO', fips: '29', name: 'Missouri' },
  { code: 'MT', fips: '30', name: 'Montana' },
  { code: 'NE', fips: '31', name: 'Nebraska' },
  { code: 'NV', fips: '32', name: 'Nevada' },
  { code: 'NH', fips: '33', name: 'New Hampshire' },
  { code: 'NJ', fips: '34', name: 'New Jersey' },
  { code: 'NM', fips: '35', name: 'New Mexico' },
  { code: 'NY', fips: '36', name: 'New York' },
  { code: 'NC', fips: '37', name: 'North Carolina' },
  { code: 'ND', fips: '38', name: 'North Dakota' },
  { code: 'OH', fips: '39', name: 'Ohio' },
  { code: 'OK', fips: '40', name: 'Oklahoma' },
  { code: 'OR', fips: '41', name: 'Oregon' },
  { code: 'PA', fips: '42', name: 'Pennsylvania' },
  { code: 'RI', fips: '44', name: 'Rhode Island' },
  { code: 'SC', fips: '45', name: 'South Carolina' },
  { code: 'SD', fips: '46', name: 'South Dakota' },
  { code: 'TN', fips: '47', name: 'Tennessee' },
  { code: 'TX', fips: '48', name: 'Texas' },
  { code: 'UT', fips: '49', name: 'Utah' },
  { code: 'VT', fips: '50', name: 'Vermont' },
  { code: 'VA', fips: '51', name: 'Virginia' },
  { code: 'WA', fips: '53', name: 'Washington' },
  { code: 'WV', fips: '54', name: 'West Virginia' },
  { code: 'WI', fips: '55', name: 'Wisconsin' },
  { code: 'WY', fips: '56', name: 'Wyoming' },
  { code: 'PR', fips: '72', name: 'Puerto Rico' },
] as const

export type UsState = (typeof usStates)[number]
export type StateCode = UsState['code']

const byCode: ReadonlyMap<string, UsState> = new Map(usStates.map((state) => [state.code, state]))
const byFips: ReadonlyMap<string, UsState> = new Map(usStates.map((state) => [state.fips, state]))

/** Whether `code` is a known two-letter code. Exact match: 'ca' is not a code; normalise input first. */
export function isStateCode(code: string): code is StateCode {
  return byCode.has(code)
}

/** The full name for a two-letter code ('CA' -> 'California'), or undefined. */
export function stateName(code: string): string | undefined {
  return byCode.get(code)?.name
}

/** The 2-digit FIPS code for a two-letter code ('CA' -> '06'), or undefined. */
export function stateFips(code: string): string | undefined {
  return byCode.get(code)?.fips
}

/** The two-letter code for a 2-digit FIPS code ('06' -> 'CA'), or undefined. */
export function stateCodeForFips(fips: string): StateCode | undefined {
  return byFips.get(fips)?.code
}

export type CountyName = {
  /** The county's name as the Census atlas has it, without 'County' or 'Parish': 'Los Angeles'. */
  name: string
  /** Its state's two-letter code, from the first two FIPS digits. */
  state: StateCode
}

/**
 * The name and state of a county, by 5-digit FIPS code, from the us-atlas data (2017 vintage).
 * Returns parts rather than one string so callers choose the display ('Los Angeles, CA' or
 * 'Los Angeles County'): the right suffix differs (Parish, Borough, city), so none is added.
 * @example countyName('06037') // { name: 'Los Angeles', state: 'CA' }
 */
export function countyName(fips: string): CountyName | undefined {
  const name = atlasCountyName(fips)
  const state = stateCodeForFips(fips.slice(0, 2))
  return name !== undefined && state !== undefined ? { name, state } : undefined
}

/** Whether the atlas has a county with this 5-digit FIPS code, so the map can draw it. */
export function isCountyFips(fips: string): boolean {
  return atlasHasCounty(fips)
}

/**
 * The codes the atlas does not know, in input order without repeats: for telling an editor
 * which of a region's counties the map had to skip.
 */
export function unknownCounties(fips: readonly string[]): string[] {
  return [...new Set(fips)].filter((code) => !isCountyFips(code))
}
