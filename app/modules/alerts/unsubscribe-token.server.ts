import { createHmac, timingSafeEqual } from 'node:crypto'
import { sessionSecret } from '~/modules/accounts/secret.server'

/** Long enough that people act on last month's digest; short enough that an old leaked mail goes stale. */
export const UNSUBSCRIBE_TTL_DAYS = 60
const DAY_MS = 24 * 60 * 60 * 1000
// The purpose is part of the signed text, so a signature made with the same secret for anything else
// never passes for an unsubscribe token.
const PURPOSE = 'saved-search-unsubscribe/v1'

function signature(searchId: number, expires: number, secret: string) {
  return createHmac('sha256', secret).update(`${PURPOSE}:${searchId}:${expires}`).digest('base64url')
}

/** `<search id>.<expiry, unix seconds>.<HMAC-SHA256>`: readable, URL-safe, signed with the app's secret. */
export function signUnsubscribeToken(searchId: number, now: Date, secret = sessionSecret()) {
  const expires = Math.floor((now.getTime() + UNSUBSCRIBE_TTL_DAYS * DAY_MS) / 1000)
  return `${searchId}.${expires}.${signature(searchId, expires, secret)}`
}

export type TokenCheck = { ok: true; searchId: number } | { ok: false; reason: 'invalid' | 'expired' }

/** Checks the signature first (in constant time), then the expiry: a forged token is never "expired". */
export function verifyUnsubscribeToken(token: string, now: Date, secret = sessionSecret()): TokenCheck {
  const match = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token.trim())
  if (!match) return { ok: false, reason: 'invalid' }
  const searchId = Number(match[1])
  const expires = Number(match[2])
  const expected = Buffer.from(signature(searchId, expires, secret))
  const given = Buffer.from(match[3] as string)
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' }
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, searchId }
}
