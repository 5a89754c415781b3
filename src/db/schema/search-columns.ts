import { type SQL, sql } from 'drizzle-orm'
import { type AnyPgColumn, customType } from 'drizzle-orm/pg-core'

/** PostgreSQL's full-text document; filled by a generated column, read only in SQL. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/** A weighted English document from (text, weight) pairs, for a generated search column. */
export function searchDocument(parts: [SQL, 'A' | 'B' | 'C' | 'D'][]): SQL {
  return sql.join(
    parts.map(
      ([part, weight]) =>
        sql`setweight(to_tsvector('english'::regconfig, coalesce(${part}, '')), '${sql.raw(weight)}')`,
    ),
    sql` || `,
  )
}

/** Words of a text array for a search document (hub_text_array is immutable, array_to_string is not). */
export const arrayWords = (column: AnyPgColumn): SQL => sql`hub_text_array(${column})`
