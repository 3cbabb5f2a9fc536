declare module 'react-router' {
  interface AppLoadContext {
    /** The peer address as the HTTP server saw it (behind a proxy: with TRUST_PROXY set, the client's). */
    clientIp?: string
  }
}

/** The caller's IP for per-IP throttling; 'unknown' where the server gives none (dev server, tests). */
export function clientIp(context: unknown): string {
  const ip = (context as { clientIp?: unknown } | null | undefined)?.clientIp
  return typeof ip === 'string' && ip.length > 0 && ip.length <= 64 ? ip : 'unknown'
}
