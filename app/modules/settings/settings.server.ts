import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '#db/schema'

/** Who may put the embedded map (/embed) in an iframe: nobody, the listed sites, or any site. */
export const embedPolicySchema = z.object({
  mode: z.enum(['none', 'allowlist', 'any']),
  origins: z.array(z.string()).max(50),
})
export type EmbedPolicy = z.infer<typeof embedPolicySchema>

const schemas = {
  embedPolicy: embedPolicySchema,
  verificationValidityMonths: z.number().int().min(1).max(120),
}
export type Settings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> }
export type SettingKey = keyof Settings

export const defaultSettings: Settings = {
  // Councils ask for embedding; until an administrator opens it, no site may frame any page.
  embedPolicy: { mode: 'none', origins: [] },
  verificationValidityMonths: 24,
}

/**
 * Settings are read on many requests (every /embed response's frame-ancestors) and change rarely:
 * each process keeps them for a few seconds, so another replica sees a change within that time.
 */
const CACHE_MS = 5_000
let cached: { at: number; db: Kysely<Database>; settings: Settings } | null = null

export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  if (cached && cached.db === db && Date.now() - cached.at < CACHE_MS) return cached.settings
  const rows = await db.selectFrom('app_settings').select(['key', 'value']).execute()
  const settings: Settings = { ...defaultSettings }
  for (const row of rows) {
    if (!(row.key in schemas)) continue
    const key = row.key as SettingKey
    // A value that no longer fits its schema (an older version wrote it) falls back to the default.
    const parsed = schemas[key].safeParse(row.value)
    if (parsed.success) (settings as Record<SettingKey, unknown>)[key] = parsed.data
  }
  cached = { at: Date.now(), db, settings }
  return settings
}

export async function saveSetting<K extends SettingKey>(
  db: Kysely<Database>,
  key: K,
  value: Settings[K],
  userId: string,
) {
  const valid = schemas[key].parse(value)
  const json = JSON.stringify(valid)
  await db
    .insertInto('app_settings')
    .values({ key, value: json, updated_by: userId })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: json, updated_by: userId, updated_at: new Date() }),
    )
    .execute()
  cached = null
}

/**
 * A site's origin as browsers send and CSP matches it: scheme, host and port only. Returns null
 * for anything else (paths, wildcards, javascript: and the like).
 */
export function normaliseOrigin(input: string): string | null {
  const trimmed = input.trim()
  if (!/^https?:\/\/[^\s/?#]+\/?$/i.test(trimmed)) return null
  try {
    const url = new URL(trimmed)
    if (url.username || url.password) return null
    // CSP would read '*' as a wildcard; a listed site is one host.
    if (!/^[a-z0-9.-]+$/.test(url.hostname)) return null
    return url.origin
  } catch {
    return null
  }
}

/**
 * The frame-ancestors sources for the embed pages under this policy. The site itself may always
 * frame them (the embed dialog's preview); other sites as the administrator decided.
 */
export function embedFrameAncestors(policy: EmbedPolicy): string {
  if (policy.mode === 'any') return '*'
  if (policy.mode === 'allowlist' && policy.origins.length > 0) return `'self' ${policy.origins.join(' ')}`
  return "'self'"
}
