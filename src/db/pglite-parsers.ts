import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite'

/**
 * The type OIDs drizzle reads as the text PostgreSQL sends (no Date objects): timestamp,
 * timestamptz, interval and date, and their arrays, with numeric[]. drizzle-orm's PGlite driver
 * passes these as `parsers` with every query.
 */
const TEXT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182] as const

const asText = (value: string): string => value

/** The query's options without `parsers` when they are only the text types, which the client already has. */
function withoutTextParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  const parsers = options?.parsers
  if (!parsers || !Object.keys(parsers).every((oid) => TEXT_TYPES.includes(Number(oid) as never)))
    return options
  const { parsers: _, ...rest } = options
  return rest
}

/** `target` with a `query` that leaves out the text types' per-query parsers (see withTextTypes). */
function stripping<T extends PGlite | Transaction>(target: T): T {
  // Made once: drizzle reads `query` for every query it runs.
  const query = (text: string, params?: unknown[], options?: QueryOptions) =>
    target.query(text, params, withoutTextParsers(options))
  const transaction =
    'transaction' in target
      ? <R>(work: (tx: Transaction) => Promise<R>) => target.transaction((tx) => work(stripping(tx)))
      : undefined
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query') return query
      if (property === 'transaction' && transaction) return transaction
      const value = Reflect.get(object, property, object)
      // PGlite's methods use private fields: they must run on the client itself, not the proxy.
      return typeof value === 'function' ? value.bind(object) : value
    },
  })
}

/**
 * The PGlite client for drizzle, reading the text types as text itself. For each query that
 * passes `parsers`, PGlite copies its whole table of 300-odd type parsers into a new object
 * (about 60 µs and 120 KB of garbage a query, a third of a small query's time). Installed once on
 * the client, the same parsers need not travel with each query: the client's table holds them
 * and the proxy drops them from the query's options. Any other parsers still go with their query.
 */
export function withTextTypes(client: PGlite): PGlite {
  for (const oid of TEXT_TYPES) client.parsers[oid] = asText
  return stripping(client)
}
