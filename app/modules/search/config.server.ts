/** Meilisearch is used when MEILI_URL is set; PostgreSQL search otherwise. */
export function meiliConfigured() {
  return Boolean(process.env.MEILI_URL?.trim())
}

export function meiliConfig() {
  const url = process.env.MEILI_URL?.trim()
  if (!url) return null
  return {
    host: url,
    apiKey: process.env.MEILI_MASTER_KEY || undefined,
    index: process.env.MEILI_INDEX?.trim() || 'businesses',
  }
}
