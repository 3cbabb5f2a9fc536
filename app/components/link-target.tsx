import { createContext, useContext } from 'react'

/**
 * Where links to the directory's pages open. Inside the embedded map ('_blank') they must leave the
 * iframe: every page but /embed refuses to be framed, so following a card link in place would show
 * the browser's refusal instead of the card.
 */
const LinkTargetContext = createContext<'_blank' | undefined>(undefined)

export const LinkTargetProvider = LinkTargetContext.Provider

export function useLinkTarget() {
  const target = useContext(LinkTargetContext)
  return target ? { target, rel: 'noopener' } : {}
}
