export type NominationErrorCode =
  | 'not_found'
  | 'not_allowed'
  | 'wrong_state'
  | 'window_closed'
  | 'quota_full'
  | 'comment_required'
  | 'stale'
  | 'business_not_eligible'
  | 'already_nominated'
  | 'conflicted'

/** A refusal the user can act on; routes turn the code into a message in the user's language. */
export class NominationError extends Error {
  constructor(
    readonly code: NominationErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code)
    this.name = 'NominationError'
  }
}
