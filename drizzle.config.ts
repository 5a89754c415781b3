import { defineConfig } from 'drizzle-kit'

// Used only by `drizzle-kit generate`: it never opens a database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: process.env.MIGRATIONS_OUT ?? './src/db/migrations',
})
