import pino from 'pino'

/**
 * The app's one logger: JSON lines on stdout, level from LOG_LEVEL (default info; silent under
 * Vitest unless LOG_LEVEL says otherwise). Anything that could identify a person or open an account
 * is censored wherever it appears in a logged object, so a careless `logger.info({ user })` stays safe.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.email',
  '*.token',
  '*.secret',
  '*.cookie',
  '*.authorization',
  'password',
  'email',
  'token',
]

function levelFromEnv() {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase()
  if (wanted && wanted in pino.levels.values) return wanted
  if (wanted === 'silent') return 'silent'
  return process.env.VITEST || process.env.NODE_ENV === 'test' ? 'silent' : 'info'
}

/** A logger with the app's settings; tests pass their own destination to read what it writes. */
export function createLogger(destination?: pino.DestinationStream, level = levelFromEnv()): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'cbm' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Errors keep their stack; everything else is plain JSON.
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  }
  return destination ? pino(options, destination) : pino(options)
}

// The server build and the tsx start script are two module graphs in one process: one logger for both.
const globalForLogger = globalThis as typeof globalThis & { __cbmLogger?: pino.Logger }
globalForLogger.__cbmLogger ??= createLogger()

export const logger: pino.Logger = globalForLogger.__cbmLogger

/**
 * A URL for the log: the path only. Query strings carry reset, verification and unsubscribe tokens
 * (and search terms people typed), so they never reach the log.
 */
export function pathForLog(url: string): string {
  const question = url.indexOf('?')
  const path = question === -1 ? url : url.slice(0, question)
  let pathname: string
  try {
    // Absolute URLs (a Request's url) are reduced to their path too.
    pathname = path.startsWith('/') ? path : new URL(path).pathname
  } catch {
    pathname = path
  }
  // A long random-looking segment is a token in the path (a link from an e-mail): not logged either.
  return pathname
    .split('/')
    .map((segment) => (/^[A-Za-z0-9_\-.%]{32,}$/.test(segment) ? ':token' : segment))
    .join('/')
    .slice(0, 300)
}
