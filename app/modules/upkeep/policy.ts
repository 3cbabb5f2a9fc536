/**
 * How listings stay alive (issue 11, decision 0021). Months count as PostgreSQL counts them
 * (`interval 'n months'`), so a listing confirmed on 31 January is due on the last day of February.
 */
/** The owner is asked to confirm a listing this long after its last confirmation. */
export const CONFIRM_AFTER_MONTHS = 12
/** Unanswered, the request is repeated this long after the previous one. */
export const REMIND_AFTER_MONTHS = 3
/** A listing unconfirmed this long is stale to the working group and its council. */
export const STALE_AFTER_MONTHS = 18
/** Coordinators see verifications that expire within this many days. */
export const EXPIRY_WARNING_DAYS = 60
/** A confirmation link works this long: a yearly mail read a few weeks late still works. */
export const CONFIRM_TOKEN_TTL_DAYS = 90
