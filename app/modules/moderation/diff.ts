/**
 * A field-by-field comparison of two listing snapshots (the `history.after` JSON the write path
 * stores). Only the fields people read are compared; bookkeeping (version, timestamps, status) is not.
 */
export const DIFF_FIELDS = [
  'name_ru',
  'name_en',
  'name_local',
  'local_lang',
  'description_ru',
  'description_en',
  'sectors',
  'keywords',
  'country_code',
  'city',
  'address',
  'lat',
  'lon',
  'founded_year',
  'size_band',
  'website',
  'email',
  'phone',
  'messengers',
  'languages',
  'cooperation_kinds',
  'offers',
  'seeks',
  'regions',
  'public_email',
  'public_phone',
  'public_messengers',
  'public_address',
] as const
export type DiffField = (typeof DIFF_FIELDS)[number]

/** The status-like fields the history page shows besides content. */
export const STATE_FIELDS = ['status', 'moderator_reason', 'verified_at'] as const
export type StateField = (typeof STATE_FIELDS)[number]

export type FieldChange = { field: DiffField | StateField; before: string; after: string; changed: boolean }

type Snapshot = Record<string, unknown>

/** Names for the codes a field holds (sectors, regions, country), in the reader's language. */
export type CodeLabels = Partial<Record<DiffField | StateField, Record<string, string>>>

/** A value as one readable line: lists joined, objects as key: value, empty as ''. */
export function displayValue(value: unknown, label: (code: string) => string = (c) => c): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? label(v) : displayValue(v))).join(', ')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${displayValue(v)}`)
      .join(', ')
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗'
  return String(value).trim()
}

/**
 * Every compared field with its old and new display value. `before` null means a new listing: all
 * filled fields count as changed.
 */
export function diffSnapshots(
  before: Snapshot | null,
  after: Snapshot,
  fields: readonly (DiffField | StateField)[] = DIFF_FIELDS,
  labels: CodeLabels = {},
): FieldChange[] {
  return fields.map((field) => {
    const names = labels[field]
    const label = (code: string) => names?.[code] ?? code
    const a =
      field === 'country_code' ? label(displayValue(before?.[field])) : displayValue(before?.[field], label)
    const b = field === 'country_code' ? label(displayValue(after[field])) : displayValue(after[field], label)
    return { field, before: a, after: b, changed: a !== b }
  })
}

/** A snapshot column read from the database may be a JSON string (pg) or an object (PGlite). */
export function asSnapshot(value: unknown): Snapshot | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value)
      return parsed && typeof parsed === 'object' ? (parsed as Snapshot) : null
    } catch {
      return null
    }
  }
  return typeof value === 'object' ? (value as Snapshot) : null
}
