import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { tsvector } from './search-columns.ts'

/**
 * A copy of each searchable row's search vector, kept in the row (storage MAIN, migration 0023)
 * and by triggers on the searched tables, for one use: testing a phrase's word positions. The
 * searched tables' own vectors are stored out of line, and reading one back for each candidate of a
 * phrase was most of a phrase search's time (decision 027). `source` names the table ('page',
 * 'news', 'library', 'presentation', 'organization', 'attachment'); `part` is an attachment's file
 * (the nil uuid otherwise).
 */
export const searchPhraseVectors = pgTable(
  'search_phrase_vectors',
  {
    source: text('source').notNull(),
    id: uuid('id').notNull(),
    part: uuid('part').notNull().default('00000000-0000-0000-0000-000000000000'),
    vector: tsvector('vector').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.id, t.part] })],
)
