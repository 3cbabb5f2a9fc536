import { randomUUID } from 'node:crypto'

/**
 * The request's id: a proxy's X-Request-Id is kept when it looks like an id (so one id follows the
 * request through the proxy's log and ours); anything else — too long, odd characters that could
 * forge log lines — is replaced by a fresh UUID.
 */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header
  if (typeof value === 'string' && /^[A-Za-z0-9._:@/+=-]{8,128}$/.test(value)) return value
  return randomUUID()
}
