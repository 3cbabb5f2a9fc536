import { signIdToken, verifyIdToken } from '~/modules/accounts/signed-token.server'
import { CONFIRM_TOKEN_TTL_DAYS } from './policy'

const PURPOSE = 'listing-confirm/v1'

/** The token of a "this listing is still current" link: the listing's id, signed, expiring. */
export function signConfirmToken(businessId: number, now: Date, secret?: string) {
  return signIdToken(PURPOSE, businessId, now, CONFIRM_TOKEN_TTL_DAYS, secret)
}

export function verifyConfirmToken(token: string, now: Date, secret?: string) {
  return verifyIdToken(PURPOSE, token, now, secret)
}
