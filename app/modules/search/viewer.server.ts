import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { getCurrentUser, hasRole } from '~/modules/accounts/guard.server'
import type { ContactAccess } from '~/modules/businesses/card.server'
import type { Audience } from './engine'

/**
 * Who is asking. The working group (members and chair) and admins search everything, pending and
 * returned listings and contact details included; everyone else searches what the public sees.
 */
export type Viewer = { kind: 'public' } | { kind: 'staff'; userId: string }

export async function viewerFromRequest(db: Kysely<Database>, request: Request): Promise<Viewer> {
  const user = await getCurrentUser(db, request)
  if (user && hasRole(user, 'wg_member', 'wg_chair', 'admin')) return { kind: 'staff', userId: user.id }
  return { kind: 'public' }
}

export function audienceFor(viewer: Viewer): Audience {
  return viewer.kind === 'staff' ? 'staff' : 'public'
}

/** The working group and moderators see every contact; the public only what the owner made public. */
export function contactAccessFor(viewer: Viewer): ContactAccess {
  return viewer.kind === 'staff' ? 'all' : 'public'
}
