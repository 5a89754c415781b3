/**
 * A synthetic Grants.gov extract of about N MB, written to a file as a stream (never held in
 * memory), in the shape of OpportunityDetail-V1.0.xsd (../shared/fixtures/grants): synopses and
 * forecasts in the schema's element order, repeated list elements, descriptions of a few hundred
 * bytes to a few KB escaped once or twice, some 'none' ceilings and empty floors, and (unless
 * `unknownEvery` is 0) now and then an element the schema does not have. Optionally zipped as
 * Grants.gov ships it: one member, deflated with node:zlib, in a minimal zip of our own writing.
 * Deterministic: the same options write the same bytes.
 */
import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import { crc32, createDeflateRaw } from 'node:zlib'

export type GeneratedExtract = {
  file: string
  bytes: number
  records: number
  synopses: number
  forecasts: number
  /** How many elements outside the schema were written, by name. */
  unknownElements: Record<string, number>
}

const NS = 'http://apply.grants.gov/system/OpportunityDetail-V1.0'
const categories = ['BC', 'CD', 'ELT', 'RD', 'ST', 'ACA', 'AG', 'ED', 'EN', 'HL', 'O']
const applicants = ['00', '01', '02', '06', '07', '12', '13', '20', '22', '23', '25', '99']
const instruments = ['G', 'CA', 'O', 'PC']
const agencies = [
  ['DOC-EDA', 'Economic Development Administration'],
  ['DOD-OLDCC', 'Office of Local Defense Community Cooperation'],
  ['DOL-ETA', 'Employment and Training Administration'],
  ['NSF', 'U.S. National Science Foundation'],
  ['DOC-NIST', 'National Institute of Standards &amp; Technology'],
]
const topics = [
  'advanced manufacturing',
  'workforce training',
  'supply chain resilience',
  'the defense industrial base',
  'regional innovation',
  'small business growth',
]

/** A small deterministic generator of numbers (mulberry32). */
function randomFrom(seed: number): (n: number) => number {
  let state = seed >>> 0
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

const mmddyyyy = (dayOfYear: number, year: number) => {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear))
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}${d.getUTCFullYear()}`
}

/** HTML as the extract escapes it: once (&lt;p&gt;) or twice (&amp;lt;p&amp;gt;) in the XML text. */
const escapeHtml = (html: string, twice: boolean) => {
  const once = html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  return twice ? once.replaceAll('&', '&amp;') : once
}

function description(i: number, random: (n: number) => number): string {
  const paragraphs = 1 + random(8)
  const parts: string[] = []
  for (let p = 0; p < paragraphs; p++) {
    const topic = topics[(i + p) % topics.length]
    parts.push(
      `<p>Opportunity ${i}, part ${p + 1}: supports <strong>${topic}</strong> in designated communities &amp; their partners, with <a href="https://www.example.org/nofo/${i}">the full notice</a>. Applicants describe outcomes, matching funds and a work plan for R&amp;D, training and facilities.</p>`,
    )
  }
  if (i % 97 === 0) parts.push('<script>alert(1)</script><p onclick="x()">Clicked</p>')
  return parts.join('\n')
}

function recordXml(i: number, random: (n: number) => number, unknown: string | null): string {
  const forecast = i % 4 === 3
  const tag = forecast ? 'OpportunityForecastDetail_1_0' : 'OpportunitySynopsisDetail_1_0'
  const [agencyCode, agencyName] = agencies[i % agencies.length] as [string, string]
  const pick = <T>(list: T[], count: number) =>
    Array.from({ length: count }, (_, n) => list[(i + n * 3) % list.length] as T)
  const el = (name: string, value: string) => `    <${name}>${value}</${name}>\n`
  const post = random(330)
  const lines = [
    el('OpportunityID', String(1_000_000 + i)),
    el('OpportunityTitle', `Synthetic opportunity ${i}: ${topics[i % topics.length]} &amp; partners`),
    el('OpportunityNumber', `SYN-${agencyCode}-${i}`),
    el('OpportunityCategory', i % 9 === 0 ? 'O' : 'D'),
    i % 9 === 0 ? el('OpportunityCategoryExplanation', 'Other: a synthetic explanation') : '',
    ...pick(instruments, 1 + (i % 2)).map((v) => el('FundingInstrumentType', v)),
    ...pick(categories, 1 + (i % 3)).map((v) => el('CategoryOfFundingActivity', v)),
    ...Array.from({ length: 1 + (i % 3) }, (_, n) =>
      el('CFDANumbers', `${10 + ((i + n) % 89)}.${String((i * 7 + n) % 1000).padStart(3, '0')}`),
    ),
    ...[...new Set(pick(applicants, 1 + (i % 6)))].map((v) => el('EligibleApplicants', v)),
    el('AdditionalInformationOnEligibility', `Consortia of ${i % 5} or more partners may apply.`),
    el('AgencyCode', agencyCode),
    el('AgencyName', agencyName),
    el('PostDate', mmddyyyy(post, 2024)),
  ]
  if (forecast) {
    lines.push(
      el('LastUpdatedDate', mmddyyyy(post + 10, 2024)),
      el('EstimatedSynopsisPostDate', mmddyyyy(post + 40, 2024)),
      el('FiscalYear', '2025'),
      el('EstimatedSynopsisCloseDate', mmddyyyy(post + 120, 2024)),
      el('EstimatedSynopsisCloseDateExplanation', 'Estimated; subject to appropriations.'),
      el('EstimatedAwardDate', mmddyyyy(post + 200, 2024)),
      el('EstimatedProjectStartDate', mmddyyyy(post + 230, 2024)),
    )
  } else {
    lines.push(
      el('CloseDate', mmddyyyy(post + 20 + random(200), 2024)),
      el('CloseDateExplanation', 'Electronically submitted applications must be received by 11:59 p.m.'),
      el('LastUpdatedDate', mmddyyyy(post + 5, 2024)),
    )
  }
  lines.push(
    el('AwardCeiling', i % 10 === 0 ? 'none' : String(100_000 + random(5_000_000))),
    i % 13 === 0 ? '' : el('AwardFloor', String(10_000 + random(90_000))),
    el('EstimatedTotalProgramFunding', i % 11 === 0 ? '' : String(1_000_000 + random(90_000_000))),
    el('ExpectedNumberOfAwards', String(1 + random(40))),
    el('Description', escapeHtml(description(i, random), i % 2 === 0)),
    el('Version', forecast ? `Forecast ${1 + (i % 3)}` : `Synopsis ${1 + (i % 5)}`),
    el('CostSharingOrMatchingRequirement', i % 3 === 0 ? 'Yes' : 'No'),
    el('ArchiveDate', mmddyyyy(post + 300, 2024)),
    unknown ? el(unknown, `synthetic ${i}`) : '',
    el('AdditionalInformationURL', `https://www.example.org/nofo/syn-${i}`),
    el('AdditionalInformationText', 'Full announcement (synthetic)'),
    el('GrantorContactEmail', `program-${i % 50}@example.org`),
    el('GrantorContactEmailDescription', 'Program inquiries'),
  )
  if (forecast)
    lines.push(el('GrantorContactName', `Officer ${i % 50}`), el('GrantorContactPhoneNumber', '202-555-0143'))
  else lines.push(el('GrantorContactText', escapeHtml(`Officer ${i % 50}<br/>Phone 202-555-0143<br/>`, true)))
  return `  <${tag}>\n${lines.join('')}  </${tag}>\n`
}

/** Writes text to a stream, waiting when it asks to. */
async function put(out: WriteStream | NodeJS.WritableStream, text: string | Buffer): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

/**
 * Writes a synthetic extract of at least `megabytes` MB of XML to `file` (a .zip when `zip` is
 * set, holding GrantsDBExtract20250115v2.xml). `unknownEvery`: one record in so many carries an
 * element outside the schema (default 1000; 0 for a file valid against the XSD).
 */
export async function writeGrantsExtract(
  file: string,
  options: { megabytes: number; zip?: boolean; unknownEvery?: number; seed?: number },
): Promise<GeneratedExtract> {
  const target = options.megabytes * 1024 * 1024
  const unknownEvery = options.unknownEvery ?? 1000
  const random = randomFrom(options.seed ?? 15)
  const out = createWriteStream(file)
  const zip = options.zip ? startZip(out) : null
  const write = (text: string) => (zip ? zip.write(text) : put(out, text))
  const made: GeneratedExtract = {
    file,
    bytes: 0,
    records: 0,
    synopses: 0,
    forecasts: 0,
    unknownElements: {},
  }
  const emit = async (text: string) => {
    made.bytes += Buffer.byteLength(text)
    await write(text)
  }
  await emit(`<?xml version="1.0" encoding="UTF-8"?>\n<Grants xmlns="${NS}">\n`)
  const tail = '</Grants>\n'
  for (let i = 1; made.bytes + tail.length < target; i++) {
    const unknown = unknownEvery > 0 && i % unknownEvery === 0 ? (i % 2 ? 'SyntheticNote' : 'Fax') : null
    if (unknown) made.unknownElements[unknown] = (made.unknownElements[unknown] ?? 0) + 1
    await emit(recordXml(i, random, unknown))
    made.records += 1
    if (i % 4 === 3) made.forecasts += 1
    else made.synopses += 1
  }
  await emit(tail)
  if (zip) await zip.finish()
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return made
}

/**
 * A zip of one deflated member whose sizes and CRC follow its data (general-purpose flag bit 3),
 * so the member streams through without knowing its size beforehand. No zip64: under 4 GB.
 */
function startZip(out: WriteStream) {
  const name = Buffer.from('GrantsDBExtract20250115v2.xml')
  const deflate = createDeflateRaw({ level: 6 })
  let crc = 0
  let size = 0
  let compressed = 0
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(20, 4)
  header.writeUInt16LE(0x0008, 6)
  header.writeUInt16LE(8, 8)
  header.writeUInt16LE(name.length, 26)
  out.write(Buffer.concat([header, name]))
  const piped = (async () => {
    for await (const chunk of deflate as AsyncIterable<Buffer>) {
      compressed += chunk.length
      await put(out, chunk)
    }
  })()
  return {
    write: async (text: string) => {
      const bytes = Buffer.from(text)
      crc = crc32(bytes, crc)
      size += bytes.length
      await put(deflate, bytes)
    },
    finish: async () => {
      deflate.end()
      await piped
      const descriptor = Buffer.alloc(16)
      descriptor.writeUInt32LE(0x08074b50, 0)
      descriptor.writeUInt32LE(crc >>> 0, 4)
      descriptor.writeUInt32LE(compressed, 8)
      descriptor.writeUInt32LE(size, 12)
      await put(out, descriptor)
      const directoryOffset = 30 + name.length + compressed + 16
      const entry = Buffer.alloc(46)
      entry.writeUInt32LE(0x02014b50, 0)
      entry.writeUInt16LE(20, 4)
      entry.writeUInt16LE(20, 6)
      entry.writeUInt16LE(0x0008, 8)
      entry.writeUInt16LE(8, 10)
      entry.writeUInt32LE(crc >>> 0, 16)
      entry.writeUInt32LE(compressed, 20)
      entry.writeUInt32LE(size, 24)
      entry.writeUInt16LE(name.length, 28)
      const end = Buffer.alloc(22)
      end.writeUInt32LE(0x06054b50, 0)
      end.writeUInt16LE(1, 8)
      end.writeUInt16LE(1, 10)
      end.writeUInt32LE(46 + name.length, 12)
      end.writeUInt32LE(directoryOffset, 16)
      await put(out, Buffer.concat([entry, name, end]))
    },
  }
}
