import { raw } from 'hono/html'
import {
  countyName,
  isCountyFips,
  renderUsMap,
  stateFips,
  stateName,
  usStates,
} from '#src/features/map/index.ts'
import { plural } from '#src/ui/format.ts'

export type CountyChoice = { fips: string; name: string }

const countiesByState = new Map<string, CountyChoice[]>()

/**
 * The counties of a state in the us-atlas data, by name, with their 5-digit FIPS codes.
 * County codes are three digits under the state's two, so the atlas is asked about each.
 * @example countiesOfState('RI').map((c) => c.name) // ['Bristol', 'Kent', 'Newport', 'Providence', 'Washington']
 */
export function countiesOfState(code: string): CountyChoice[] {
  const cached = countiesByState.get(code)
  if (cached) return cached
  const prefix = stateFips(code)
  const counties: CountyChoice[] = []
  if (prefix)
    for (let n = 1; n <= 999; n++) {
      const fips = `${prefix}${String(n).padStart(3, '0')}`
      const name = isCountyFips(fips) ? countyName(fips)?.name : undefined
      if (name) counties.push({ fips, name })
    }
  counties.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.fips.localeCompare(b.fips))
  countiesByState.set(code, counties)
  return counties
}

/** A county as people name it: 'Los Angeles, CA'; the code itself when the atlas lacks it. */
export function countyLabel(fips: string): string {
  const county = countyName(fips)
  return county ? `${county.name}, ${county.state}` : fips
}

/** The map preview of a draft's region, or null before a state is chosen. */
export function regionMapSvg(states: readonly string[], counties: readonly string[]): string | null {
  if (states.length === 0) return null
  return renderUsMap({
    regions: [{ slug: 'draft-region', name: 'Your region', states, counties }],
    zoomTo: 'draft-region',
    idPrefix: 'region-map',
    title: 'Map preview of your region',
    description:
      counties.length > 0
        ? `${counties.length} ${plural(counties.length, 'county', 'counties')} highlighted.`
        : `No counties chosen yet: ${plural(states.length, 'the state is', 'the states are')} shaded whole.`,
  })
}

type Props = {
  states: readonly string[]
  counties: readonly string[]
  statesError?: string
  countiesError?: string
}

/**
 * The region of a member application, without JavaScript: tick states, save, then tick the
 * counties of each chosen state by name (FIPS codes are what is stored); the map follows.
 * Hidden empty inputs make an all-unticked list arrive as a list, so unticking clears it.
 */
export function RegionPicker(props: Props) {
  const chosen = new Set(props.states)
  const chosenCounties = new Set(props.counties)
  const chosenStates = usStates.filter((s) => chosen.has(s.code))
  const mapSvg = regionMapSvg(props.states, props.counties)
  return (
    <section class="form-section" id="region" aria-labelledby="region-heading">
      <h2 id="region-heading">Region</h2>
      <p class="hint">
        Tick the states your collaboration covers and save; the counties of those states then appear by name
        below, for you to tick.
      </p>
      <fieldset
        class="group"
        id="field-states"
        aria-describedby={props.statesError ? 'field-states-error' : undefined}
      >
        <legend>States</legend>
        {props.statesError ? (
          <p class="error" id="field-states-error">
            {props.statesError}
          </p>
        ) : null}
        <input type="hidden" name="states" value="" />
        <ul class="choice-grid">
          {usStates.map((s) => (
            <li class="choice">
              <input
                type="checkbox"
                id={`state-${s.code}`}
                name="states"
                value={s.code}
                checked={chosen.has(s.code)}
              />
              <label for={`state-${s.code}`}>{s.name}</label>
            </li>
          ))}
        </ul>
        <p>
          <button type="submit" class="button secondary" name="_then" value="region">
            Save and show the counties
          </button>
        </p>
      </fieldset>
      <div
        id="field-counties"
        class="counties"
        aria-describedby={props.countiesError ? 'field-counties-error' : undefined}
      >
        {props.countiesError ? (
          <p class="error" id="field-counties-error">
            {props.countiesError}
          </p>
        ) : null}
        <input type="hidden" name="counties" value="" />
        {chosenStates.map((s) => {
          const counties = countiesOfState(s.code)
          return (
            <fieldset class="group" id={`counties-${s.code}`}>
              <legend>Counties in {s.name}</legend>
              {counties.length === 0 ? (
                <p class="hint">The map has no counties for {s.name}: the whole state counts.</p>
              ) : (
                <ul class="choice-grid">
                  {counties.map((county) => (
                    <li class="choice">
                      <input
                        type="checkbox"
                        id={`county-${county.fips}`}
                        name="counties"
                        value={county.fips}
                        checked={chosenCounties.has(county.fips)}
                      />
                      <label for={`county-${county.fips}`}>{county.name}</label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          )
        })}
      </div>
      {mapSvg ? (
        <figure class="map-figure">
          {raw(mapSvg)}
          <figcaption>
            Preview of your region:{' '}
            {props.counties.length > 0
              ? props.counties.map(countyLabel).join('; ')
              : chosenStates.map((s) => stateName(s.code)).join(', ')}
            .
          </figcaption>
        </figure>
      ) : null}
    </section>
  )
}
