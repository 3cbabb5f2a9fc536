import { createHmac, timingSafeEqual } from 'node:crypto'
import { sessionSecret } from './secret.server'

const DAY_MS = 24 * 60 * 60 * 1000

// The purpose is part of the signed text, so a token made for one purpose (unsubscribing a saved
// search, confirming a listing) never passes for another, though all are signed with the app's secret.
function signature(purpose: string, id: number, expires: number, secret: string) {
  return createHmac('sha256', secret).update(`${purpose}:${id}:${expires}`).digest('base64url')
}

/** `<id>.<expiry, unix seconds>.<HMAC-SHA256>`: readable, URL-safe, signed with the app's secret. */
export function signIdToken(
  purpose: string,
  id: number,
  now: Date,
  ttlDays: number,
  secret = sessionSecret(),
) {
  const expires = Math.floor((now.getTime() + ttlDays * DAY_MS) / 1000)
  return `${id}.${expires}.${signature(purpose, id, expires, secret)}`
}

export type IdTokenCheck = { ok: true; id: number } | { ok: false; reason: 'invalid' | 'expired' }

/** Checks the signature first (in constant time), then the expiry: a forged token is never "expired". */
export function verifyIdToken(
  purpose: string,
  token: string,
  now: Date,
  secret = sessionSecret(),
): IdTokenCheck {
  const match = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token.trim())
  if (!match) return { ok: false, reason: 'invalid' }
  const id = Number(match[1])
  const expires = Number(match[2])
  const expected = Buffer.from(signature(purpose, id, expires, secret))
  const given = Buffer.from(match[3] as string)
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' }
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, id }
}
