import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { deliverQueued } from '~/modules/mail/mailer.server'
import { CONFIRMATION_KIND, requestConfirmations } from './confirmations.server'
import { syncVerificationFlags } from './verification-expiry.server'

/** The scheduled upkeep of living listings: expired verifications leave search, owners are asked to confirm. */
export async function runUpkeepJob(db: Kysely<Database>, now = new Date()) {
  const verification = await syncVerificationFlags(db)
  const confirmations = await requestConfirmations(db, now)
  const delivered = await deliverQueued(db, CONFIRMATION_KIND)
  return { ...verification, ...confirmations, delivered }
}
