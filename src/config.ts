import path from 'node:path'
import { z } from 'zod'
import { trustedProxyProblem } from '#src/http/client-address.ts'
import { type Clock, clockAsOf, isTimeZone, NETWORK_TIME_ZONE, systemClock } from '#src/lib/clock.ts'
import { AppError } from '#src/lib/errors.ts'

const isRealDate = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day
}

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
  /** The address people reach the Hub at: links in emails and the allowed origin for forms. */
  PUBLIC_URL: z
    .url({ error: 'PUBLIC_URL must be a full URL such as https://hub.example.org' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Signs sessions and tokens; at least 32 characters. Required in production. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** smtp://user:pass@host:port to send email; otherwise emails are written to DATA_DIR/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The sender of every email; without it, a bare address that names no network or product. */
  MAIL_FROM: z.string().min(3).default('hub@example.org'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      const problem = entries.map(trustedProxyProblem).find(Boolean)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  /** The network's time zone: what "today" means for the whole Hub. */
  HUB_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'HUB_TIME_ZONE must be an IANA time zone such as America/New_York')
    .default(NETWORK_TIME_ZONE),
  /** Runs the Hub and the `hub` command as of another day (demos, rehearsals); time then moves on. */
  HUB_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'HUB_TODAY must be a date as YYYY-MM-DD')
    .refine(isRealDate, 'HUB_TODAY must be a real date as YYYY-MM-DD')
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  isProduction: boolean
  nodeEnv: 'development' | 'production' | 'test'
  logLevel: string
  /** Undefined when PUBLIC_URL is not set: the listening address is used then. */
  publicUrl: string | undefined
  authSecret: string | undefined
  smtpUrl: string | undefined
  /** Reverse proxies whose X-Forwarded-For names the client; empty (off) by default. */
  trustedProxies: string[]
  mailFrom: string
  /** Now and today in the network's zone; HUB_TODAY moves it to another day. */
  clock: Clock
  /** Set when HUB_TODAY moved the clock (for the start-up message). */
  asOfDay: string | undefined
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
  if (e.NODE_ENV === 'production' && !e.AUTH_SECRET)
    throw new AppError('CONFIG', {
      userMessage: 'AUTH_SECRET: production needs AUTH_SECRET (32 characters or more)',
    })
  // Without a mail server, sign-in, reset and invitation links would sit in a folder on the server.
  if (e.NODE_ENV === 'production' && !e.SMTP_URL)
    throw new AppError('CONFIG', {
      userMessage:
        'SMTP_URL: production needs SMTP_URL (smtp:// or smtps://) to send sign-in and invitation emails',
    })
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    isProduction: e.NODE_ENV === 'production',
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    authSecret: e.AUTH_SECRET,
    smtpUrl: e.SMTP_URL,
    trustedProxies: e.TRUSTED_PROXIES,
    mailFrom: e.MAIL_FROM,
    clock: e.HUB_TODAY ? clockAsOf(e.HUB_TODAY, e.HUB_TIME_ZONE) : systemClock(e.HUB_TIME_ZONE),
    asOfDay: e.HUB_TODAY,
  }
}
