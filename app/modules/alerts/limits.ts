import type { DigestFrequency } from '#db/schema'

/** Shared by the forms and the server (the database checks the name's length too). */
export const MAX_SAVED_SEARCHES = 50
export const MAX_NAME_LENGTH = 120
export const frequencies = ['daily', 'weekly', 'none'] as const satisfies readonly DigestFrequency[]
