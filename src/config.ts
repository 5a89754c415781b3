import path from 'node:path'
import { z } from 'zod'
import { AppError } from '#src/lib/errors.ts'

const envSchema = z.object({
  // 0 asks the system for any free port (tests and benchmarks use it).
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'PORT must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'PORT must be a whole number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  isProduction: boolean
  nodeEnv: 'development' | 'production' | 'test'
  logLevel: string
}

/** Reads the environment once; a wrong value stops start-up with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key = issue?.path.join('.') ?? 'environment'
    throw new AppError('CONFIG', { userMessage: `${key}: ${issue?.message ?? 'invalid value'}` })
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    isProduction: e.NODE_ENV === 'production',
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
  }
}
