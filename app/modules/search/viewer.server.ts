import type { ContactAccess } from '~/modules/businesses/card.server'
import type { Audience } from './engine'

/**
 * Who is asking. Today every caller is the public; the accounts issue resolves the signed-in user's
 * roles here, and everything downstream (what is searchable, which contacts are shown) already takes it.
 */
export type Viewer = { kind: 'public' } | { kind: 'staff'; userId: string }

export function viewerFromRequest(_request: Request): Viewer {
  return { kind: 'public' }
}

export function audienceFor(viewer: Viewer): Audience {
  return viewer.kind === 'staff' ? 'staff' : 'public'
}

/** The working group and moderators see every contact; the public only what the owner made public. */
export function contactAccessFor(viewer: Viewer): ContactAccess {
  return viewer.kind === 'staff' ? 'all' : 'public'
}
