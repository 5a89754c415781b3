import { logger } from '#src/lib/logger.ts'
import type { Mailer } from '#src/lib/mailer.ts'

/**
 * Sends an email whose cause is already committed: a failure is logged, not thrown, so
 * the person who acted sees what they did (the record stands either way).
 */
export async function sendSafely(mailer: Mailer, email: Parameters<Mailer['send']>[0]): Promise<boolean> {
  try {
    await mailer.send(email)
    return true
  } catch (error) {
    logger.error({ err: error, to: email.to, subject: email.subject }, 'an email could not be sent')
    return false
  }
}
