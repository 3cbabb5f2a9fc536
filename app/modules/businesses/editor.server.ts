import { type Kysely, sql } from 'kysely'
import { data } from 'react-router'
import type { Business, BusinessStatus, Database, Messengers } from '#db/schema'
import { type CurrentUser, canEditBusiness } from '~/modules/accounts/guard.server'
import type { Translator } from '~/modules/i18n/translate'
import { notifySubmitted } from '~/modules/moderation/notify.server'
import { CONFIRM_AFTER_MONTHS } from '~/modules/upkeep/policy'
import { cityById, findCity } from './gazetteer.server'
import { listingContent } from './listing-fields.server'
import { LIMITS, type ListingFormValue, localLanguageOf, MESSENGER_CODES } from './listing-schema'
import { writeBusiness } from './write.server'

export type EditorOptions = {
  countries: { code: string; nameRu: string; nameEn: string }[]
  sectors: { code: string; nameRu: string; nameEn: string; titleRu: string; titleEn: string }[]
  districts: {
    code: string
    nameRu: string
    nameEn: string
    regions: { code: string; nameRu: string; nameEn: string }[]
  }[]
}

/** Reference lists the editor offers (admin-editable ones come from the database). */
export async function loadEditorOptions(db: Kysely<Database>): Promise<EditorOptions> {
  const [countries, sectors, districts, regions] = await Promise.all([
    db
      .selectFrom('countries')
      .select(['code', 'name_ru', 'name_en'])
      .where('in_region', '=', true)
      .orderBy('name_ru')
      .execute(),
    db
      .selectFrom('sectors')
      .select(['code', 'short_ru', 'short_en', 'name_ru', 'name_en'])
      .orderBy('position')
      .execute(),
    db.selectFrom('federal_districts').select(['code', 'name_ru', 'name_en']).orderBy('position').execute(),
    db
      .selectFrom('russian_regions')
      .select(['code', 'name_ru', 'name_en', 'district_code'])
      .orderBy('name_ru')
      .execute(),
  ])
  return {
    countries: countries.map((c) => ({ code: c.code.trim(), nameRu: c.name_ru, nameEn: c.name_en })),
    // Short labels fit a phone; the full NACE title is the hint.
    sectors: sectors.map((s) => ({
      code: s.code,
      nameRu: s.short_ru,
      nameEn: s.short_en,
      titleRu: s.name_ru,
      titleEn: s.name_en,
    })),
    districts: districts.map((d) => ({
      code: d.code,
      nameRu: d.name_ru,
      nameEn: d.name_en,
      regions: regions
        .filter((r) => r.district_code === d.code)
        .map((r) => ({ code: r.code, nameRu: r.name_ru, nameEn: r.name_en })),
    })),
  }
}

export function optionCodes(options: EditorOptions) {
  return {
    countries: options.countries.map((c) => c.code),
    sectors: options.sectors.map((s) => s.code),
    regions: options.districts.flatMap((d) => d.regions.map((r) => r.code)),
  }
}

export type OwnListing = Business & { sectors: string[]; regions: string[] }

/** The listing for its editor: 404 when it does not exist, 403 when this user may not edit it. */
export async function loadEditableListing(
  db: Kysely<Database>,
  user: CurrentUser,
  rawId: string | undefined,
  t: Translator,
): Promise<OwnListing> {
  const id = /^\d{1,9}$/.test(rawId ?? '') ? Number(rawId) : Number.NaN
  const row = Number.isSafeInteger(id)
    ? await db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw data(t('error.businessNotFound'), { status: 404 })
  if (!canEditBusiness(user, { ...row, country_code: row.country_code }))
    throw data(t('error.forbidden'), { status: 403 })
  const [sectors, regions] = await Promise.all([
    db
      .selectFrom('business_sectors')
      .select('sector_code')
      .where('business_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('business_regions')
      .select('region_code')
      .where('business_id', '=', id)
      .orderBy('region_code')
      .execute(),
  ])
  return { ...row, sectors: sectors.map((s) => s.sector_code), regions: regions.map((r) => r.region_code) }
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? undefined : String(v))

/** A stored listing as the editor's form values (the shape the form submits). */
export function toFormDefaults(b: OwnListing) {
  return {
    version: String(b.version),
    nameRu: str(b.name_ru),
    nameEn: str(b.name_en),
    nameLocal: str(b.name_local),
    localLang: str(b.local_lang),
    descriptionRu: str(b.description_ru),
    descriptionEn: str(b.description_en),
    sectors: b.sectors,
    keywords: b.keywords.join(', '),
    countryCode: b.country_code.trim(),
    city: str(b.city),
    cityGeonameId: str(b.city_geoname_id),
    lat: str(b.lat),
    lon: str(b.lon),
    address: str(b.address),
    publicAddress: b.public_address ? 'on' : undefined,
    foundedYear: str(b.founded_year),
    sizeBand: str(b.size_band),
    languages: b.languages,
    website: str(b.website),
    email: str(b.email),
    phone: str(b.phone),
    publicEmail: b.public_email ? 'on' : undefined,
    publicPhone: b.public_phone ? 'on' : undefined,
    messengers: Object.fromEntries(
      MESSENGER_CODES.map((code) => [code, (b.messengers as Messengers)[code] ?? undefined]),
    ),
    publicMessengers: b.public_messengers ? 'on' : undefined,
    cooperationKinds: b.cooperation_kinds,
    offers: b.offers,
    seeks: b.seeks,
    regions: b.regions,
    consent: b.consent_at ? 'on' : undefined,
  }
}

export function newFormDefaults(countryCode = 'JP') {
  return { countryCode, localLang: localLanguageOf[countryCode], publicAddress: 'on', languages: ['ru'] }
}

/**
 * Before validation: a typed city that the gazetteer knows (or a picked suggestion's id) fills a
 * missing point, so the city → point step also works with JavaScript off.
 */
export function fillPointFromGazetteer(form: FormData) {
  const country = String(form.get('countryCode') ?? '')
  const lat = String(form.get('lat') ?? '').trim()
  const lon = String(form.get('lon') ?? '').trim()
  const picked = cityById(Number(form.get('cityGeonameId')) || null, country)
  const typed = String(form.get('city') ?? '')
  const city =
    picked && [picked.nameRu, picked.nameEn, picked.nameLocal].includes(typed.trim())
      ? picked
      : findCity(country, typed)
  if (!city) {
    form.delete('cityGeonameId')
    return
  }
  form.set('cityGeonameId', String(city.id))
  if (!lat && !lon) {
    form.set('lat', String(city.lat))
    form.set('lon', String(city.lon))
  }
}

/** The status a save moves the listing to (see docs/decisions/0008-accounts-listing-edits.md). */
function nextStatus(current: BusinessStatus | null, intent: 'save' | 'submit'): BusinessStatus {
  if (intent === 'submit') return 'pending'
  // A published listing cannot quietly become a draft: any change to it goes to moderation.
  if (current === 'published') return 'pending'
  return 'draft'
}

export type SaveResult = { id: number; status: BusinessStatus; version: number }

/** Saves the editor's validated values through the one listing write path. */
export async function saveListing(
  db: Kysely<Database>,
  user: CurrentUser,
  existing: OwnListing | null,
  v: ListingFormValue,
): Promise<SaveResult> {
  const status = nextStatus(existing?.status ?? null, v.intent)
  const now = new Date()
  const fields = {
    owner_id: existing?.owner_id ?? user.id,
    ...listingContent(v),
    // The time of consent is kept while consent stands; unticking it withdraws it.
    consent_at: v.consent ? (existing?.consent_at ?? now) : null,
    status,
    submitted_at: status === 'pending' ? now : (existing?.submitted_at ?? null),
    published_at: status === 'published' ? (existing?.published_at ?? null) : null,
    moderator_reason: status === 'pending' ? null : (existing?.moderator_reason ?? null),
    // Saving the listing is its owner saying it is current (decision 0021).
    confirmed_at: now,
  }
  const action = status === 'pending' ? 'submitted' : existing ? 'updated' : 'created'
  const written = existing
    ? await writeBusiness(db, {
        id: existing.id,
        expectedVersion: v.version ?? existing.version,
        actorId: user.id,
        action,
        fields,
        sectors: v.sectors,
        regions: v.regions,
      })
    : await writeBusiness(db, { actorId: user.id, action, fields, sectors: v.sectors, regions: v.regions })
  // The council hears of a submission once it is committed (or in its coordinators' daily digest).
  if (status === 'pending') {
    await notifySubmitted(db, written.id).catch((error) => console.error('Submission e-mail failed:', error))
  }
  return { id: written.id, status, version: written.version }
}

export type MyListing = {
  id: number
  name: string
  status: BusinessStatus
  reason: string | null
  city: string | null
  countryCode: string
  updatedAt: string
  confirmedAt: string
  /** A year since the owner last confirmed it (or saved it): time to confirm it is current. */
  confirmDue: boolean
}

export async function listMyListings(
  db: Kysely<Database>,
  userId: string,
  locale: 'ru' | 'en',
): Promise<MyListing[]> {
  const rows = await db
    .selectFrom('businesses')
    .select([
      'id',
      'name_ru',
      'name_en',
      'name_local',
      'status',
      'moderator_reason',
      'city',
      'country_code',
      'updated_at',
      'confirmed_at',
      sql<boolean>`status = 'published' and confirmed_at <= now() - make_interval(months => ${CONFIRM_AFTER_MONTHS})`.as(
        'confirm_due',
      ),
    ])
    .where('owner_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name:
      (locale === 'ru' ? (r.name_ru ?? r.name_en) : (r.name_en ?? r.name_ru)) ?? r.name_local ?? `#${r.id}`,
    status: r.status,
    reason: r.status === 'returned' ? r.moderator_reason : null,
    city: r.city,
    countryCode: r.country_code.trim(),
    updatedAt: new Date(r.updated_at).toISOString(),
    confirmedAt: new Date(r.confirmed_at).toISOString(),
    confirmDue: r.confirm_due,
  }))
}

/**
 * Biggest form the editor parses: an 11 MB description (even in Cyrillic, two bytes a letter) gets a
 * field message; a bigger post gets a 413 without being read.
 */
export const MAX_EDITOR_BODY = 24 * 1024 * 1024

/** Keeps what the user typed in the reply, but never echoes megabytes back into the page. */
export function clipReply<T>(reply: T, max = LIMITS.description + 1000): T {
  const clip = (value: unknown): unknown => {
    if (typeof value === 'string') return value.length > max ? value.slice(0, max) : value
    if (Array.isArray(value)) return value.map(clip)
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clip(v)]))
    return value
  }
  return clip(reply) as T
}

/** A database constraint the schema did not foresee is still the user's input: answer 400, not 500. */
export function isConstraintViolation(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^(23|22)/.test(code)
}
