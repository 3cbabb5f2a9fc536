import { signIdToken, verifyIdToken } from '~/modules/accounts/signed-token.server'

/** Long enough that people act on last month's digest; short enough that an old leaked mail goes stale. */
export const UNSUBSCRIBE_TTL_DAYS = 60
const PURPOSE = 'saved-search-unsubscribe/v1'

export function signUnsubscribeToken(searchId: number, now: Date, secret?: string) {
  return signIdToken(PURPOSE, searchId, now, UNSUBSCRIBE_TTL_DAYS, secret)
}

export type TokenCheck = { ok: true; searchId: number } | { ok: false; reason: 'invalid' | 'expired' }

export function verifyUnsubscribeToken(token: string, now: Date, secret?: string): TokenCheck {
  const check = verifyIdToken(PURPOSE, token, now, secret)
  return check.ok ? { ok: true, searchId: check.id } : check
}
