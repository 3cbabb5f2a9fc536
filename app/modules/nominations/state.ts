import type { NominationStatus, Role } from '#db/schema'

/** Who is acting, as the nomination rules need to know them. */
export type NominationActor = {
  userId: string
  roles: readonly Role[]
  /** Councils this user coordinates. */
  councilIds: readonly number[]
}

export type NominationAction = 'submit' | 'withdraw' | 'return' | 'shortlist' | 'accept' | 'decline'

type Rule = { from: readonly NominationStatus[]; to: NominationStatus; by: 'council' | 'chair' }

/**
 * The state machine: draft → submitted → shortlisted → accepted | declined;
 * withdrawn by the council before a decision; returned for changes to draft.
 */
export const transitions: Record<NominationAction, Rule> = {
  submit: { from: ['draft'], to: 'submitted', by: 'council' },
  withdraw: { from: ['draft', 'submitted', 'shortlisted'], to: 'withdrawn', by: 'council' },
  return: { from: ['submitted'], to: 'draft', by: 'chair' },
  shortlist: { from: ['submitted'], to: 'shortlisted', by: 'chair' },
  accept: { from: ['shortlisted'], to: 'accepted', by: 'chair' },
  decline: { from: ['submitted', 'shortlisted'], to: 'declined', by: 'chair' },
}

/** States that take one of the country's quota slots. */
export const quotaStates: readonly NominationStatus[] = ['submitted', 'shortlisted', 'accepted', 'declined']
/** States in which the council may still change the nomination's content. */
export const editableStates: readonly NominationStatus[] = ['draft', 'submitted']
/** States the working group reviews and scores. */
export const reviewableStates: readonly NominationStatus[] = ['submitted', 'shortlisted']

export function isCouncilOf(actor: NominationActor, councilId: number) {
  return actor.roles.includes('council_coordinator') && actor.councilIds.includes(councilId)
}

export function isChair(actor: NominationActor) {
  return actor.roles.includes('wg_chair')
}

export function isReviewer(actor: NominationActor) {
  return actor.roles.includes('wg_member') || actor.roles.includes('wg_chair')
}

export type TransitionRefusal = 'not_allowed' | 'wrong_state'

/** Whether the actor may take the action on a nomination in its current state; the window and quota are checked on write. */
export function checkTransition(
  actor: NominationActor,
  action: NominationAction,
  nomination: { status: NominationStatus; council_id: number },
): TransitionRefusal | null {
  const rule = transitions[action]
  const allowed = rule.by === 'council' ? isCouncilOf(actor, nomination.council_id) : isChair(actor)
  if (!allowed) return 'not_allowed'
  if (!rule.from.includes(nomination.status)) return 'wrong_state'
  return null
}

/** Whether nominations may be submitted now: the forum is open and within its window. */
export function windowIsOpen(
  forum: { status: string; nominations_open_at: Date | null; nominations_close_at: Date | null },
  now: Date,
) {
  if (forum.status !== 'open') return false
  if (forum.nominations_open_at && now < forum.nominations_open_at) return false
  if (forum.nominations_close_at && now >= forum.nominations_close_at) return false
  return true
}
