/** How big a council's file may be: shown on the upload page and enforced by the parser. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
export const MAX_IMPORT_ROWS = 10_000
