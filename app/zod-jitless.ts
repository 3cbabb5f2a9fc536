/**
 * What `zod` resolves to in the app's build (vite.config.ts aliases it here): zod itself, configured
 * before any schema exists. zod compiles object schemas with `new Function` when allowed, and its probe
 * for that is reported as a violation of our CSP (no 'unsafe-eval') even though it is caught. The
 * schemas are built at module load, before any entry code runs, so the setting has to come with zod.
 */
import { z } from 'zod/v4'

z.config({ jitless: true })

export * from 'zod/v4'
export { z, z as default }
