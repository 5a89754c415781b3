import { describe, expect, it } from 'vitest'
import { bestName, foldName, nameKey } from './names.ts'

describe('bestName', () => {
  it.each([
    ['Dana Whitfield (Host)', 'Dana Whitfield'],
    ['Priya Raman (External)', 'Priya Raman'],
    ['Ted Kowalski (Guest)', 'Ted Kowalski'],
    ['Dana Whitfield (Host) (Guest)', 'Dana Whitfield'],
    ['Priya Raman (Alamo Mfg Partnership)', 'Priya Raman'],
    ['Jo Park (IIMCP)', 'Jo Park'],
    ['Jo Park (Boeing)', 'Jo Park'],
    ['Jane Doe (AMP SoCal)', 'Jane Doe'],
    ['Jane Do (Harbor Robotics)', 'Jane Do'],
    ['Ted K (Edward Kowalski)', 'Edward Kowalski'],
    ['Maja L (Maja Lindqvist)', 'Maja Lindqvist'],
    ['Coordinator (Dana Whitfield)', 'Dana Whitfield'],
    ['Ted K (Kowalski, Ted)', 'Ted Kowalski'],
    ['Kowalski, Ted', 'Ted Kowalski'],
    ['García Núñez, Sofía', 'Sofía García Núñez'],
    ['Smith, Jr.', 'Smith, Jr.'],
    ['Jamie-iPhone', 'Jamie-iPhone'],
    ['+1 414 ***-**21', '+1 414 ***-**21'],
    ['  Éloïse   Dubois ', 'Éloïse Dubois'],
    ['(Host)', '(Host)'],
  ])('%s → %s', (raw, best) => {
    expect(bestName(raw)).toBe(best)
  })
})

describe('foldName and nameKey', () => {
  it('fold accents, case and spaces so the same person merges', () => {
    expect(foldName('  SOFÍA  García ')).toBe('sofia garcia')
    expect(nameKey('García Núñez, Sofía')).toBe(nameKey('Sofia Garcia Nunez (Guest)'))
  })
})
