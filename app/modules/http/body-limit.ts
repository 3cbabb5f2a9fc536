import { MAX_IMPORT_BYTES } from '~/modules/import/limits'

/** Every form and API body: the largest listing form is a few kilobytes. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024
/** A council's import file plus the multipart framing around it (the import route checks the same). */
export const IMPORT_BODY_LIMIT = MAX_IMPORT_BYTES + 64 * 1024

/** The largest body a path accepts (a React Router `.data` request counts as its page). */
export function bodyLimitFor(pathname: string): number {
  const path = pathname.replace(/\.data$/, '')
  if (path === '/moderation/import' || path === '/moderation/import/upload') return IMPORT_BODY_LIMIT
  return DEFAULT_BODY_LIMIT
}
