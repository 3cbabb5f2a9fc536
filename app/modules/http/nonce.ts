import { createContext, useContext } from 'react'

declare module 'react-router' {
  interface AppLoadContext {
    /** This response's CSP nonce, made by the HTTP server (scripts/lib/http-server.ts). */
    cspNonce?: string
    /** The request's id, as in the log and the X-Request-Id response header. */
    requestId?: string
  }
}

/**
 * The CSP nonce for inline scripts, rendered into the page on the server. In the browser it is empty:
 * browsers hide nonce attributes from scripts, and nothing after hydration needs it.
 */
const NonceContext = createContext<string | undefined>(undefined)

export const NonceProvider = NonceContext.Provider

export function useNonce() {
  return useContext(NonceContext)
}
