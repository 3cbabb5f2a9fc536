import type { CurrentUser } from '~/modules/accounts/guard.server'
import type { NominationActor } from './state'

/** The nomination rules' view of the signed-in user: roles from grants, councils from coordinator grants. */
export function toActor(user: CurrentUser): NominationActor {
  return {
    userId: user.id,
    roles: [...new Set(user.grants.map((g) => g.role))],
    councilIds: user.grants
      .filter((g) => g.role === 'council_coordinator' && g.councilId !== null)
      .map((g) => g.councilId as number),
  }
}

/** Countries this user coordinates (for listing search and the council's view of a forum). */
export function councilCountries(user: CurrentUser) {
  return user.grants
    .filter((g) => g.role === 'council_coordinator' && g.countryCode)
    .map((g) => g.countryCode as string)
}
