import { type Kysely, sql } from 'kysely'
import type { Database, Messengers } from '#db/schema'
import { STALE_AFTER_MONTHS } from '~/modules/upkeep/policy'
import { verificationExpirySql, verifiedNowSql } from '~/modules/upkeep/verification-sql.server'

export type BusinessCard = {
  id: number
  nameRu: string | null
  nameEn: string | null
  nameLocal: string | null
  localLang: string | null
  descriptionRu: string | null
  descriptionEn: string | null
  keywords: string[]
  countryCode: string
  city: string | null
  cityGeonameId: number | null
  address: string | null
  lat: number | null
  lon: number | null
  foundedYear: number | null
  sizeBand: string | null
  website: string | null
  email: string | null
  phone: string | null
  messengers: Messengers
  languages: string[]
  cooperationKinds: string[]
  /** Taxonomy codes (decision 0022). */
  offers: string[]
  seeks: string[]
  sectorCodes: string[]
  regionCodes: string[]
  /** A council's verification that still stands. */
  verified: boolean
  /** The council's last verification, current or expired (the badge shows the council and the date). */
  verification: Verification | null
  /** How current the listing is; only for those who look after it (owner, council, working group). */
  upkeep: Upkeep | null
  status: string
  updatedAt: string
}

export type Verification = {
  at: string
  expiresAt: string
  current: boolean
  countryCode: string
  /** The verifying country's council, when the admin has named it. */
  councilRu: string | null
  councilEn: string | null
}

export type Upkeep = {
  confirmedAt: string
  /** Unconfirmed for STALE_AFTER_MONTHS: the working group and the council see it as stale. */
  stale: boolean
}

/** Which contact fields the viewer may see regardless of the owner's choice (owner, council, working group). */
export type ContactAccess = 'public' | 'all'

type ContactFields = {
  address: string | null
  email: string | null
  phone: string | null
  messengers: Messengers
  public_address: boolean
  public_email: boolean
  public_phone: boolean
  public_messengers: boolean
}

/** The one rule for contact details: shown where the owner made them public or the viewer may see all. */
export function visibleContacts(b: ContactFields, access: ContactAccess) {
  const all = access === 'all'
  return {
    address: all || b.public_address ? b.address : null,
    email: all || b.public_email ? b.email : null,
    phone: all || b.public_phone ? b.phone : null,
    messengers: all || b.public_messengers ? b.messengers : {},
  }
}

export async function getPublishedCard(
  db: Kysely<Database>,
  id: number,
  access: ContactAccess = 'public',
): Promise<BusinessCard | null> {
  return getCard(db, id, access, (b) => b.status === 'published')
}

type Row = Awaited<ReturnType<typeof loadRow>>

function loadRow(db: Kysely<Database>, id: number) {
  return (
    db
      .selectFrom('businesses as b')
      // A country has at most one council (unique): its names go on the verification badge.
      .leftJoin('councils as c', 'c.country_code', 'b.country_code')
      .selectAll('b')
      .select([
        verifiedNowSql(sql.ref('b.verified_at')).as('verified_now'),
        verificationExpirySql(sql.ref('b.verified_at')).as('verification_expires_at'),
        sql<boolean>`b.confirmed_at <= now() - make_interval(months => ${STALE_AFTER_MONTHS})`.as('stale'),
        'c.name_ru as council_ru',
        'c.name_en as council_en',
      ])
      .where('b.id', '=', id)
      .executeTakeFirst()
  )
}

/**
 * One listing as a card, if `visible` allows it for this viewer; an unpublished listing is
 * shown only to those who may see it (its owner, its council, the working group).
 */
export async function getCard(
  db: Kysely<Database>,
  id: number,
  access: ContactAccess | ((row: NonNullable<Row>) => ContactAccess),
  visible: (row: NonNullable<Row>) => boolean,
): Promise<BusinessCard | null> {
  const b = await loadRow(db, id)
  if (!b || !visible(b)) return null
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
  const viewerAccess = typeof access === 'function' ? access(b) : access
  const contacts = visibleContacts(b, viewerAccess)
  return {
    id: b.id,
    nameRu: b.name_ru,
    nameEn: b.name_en,
    nameLocal: b.name_local,
    localLang: b.local_lang,
    descriptionRu: b.description_ru,
    descriptionEn: b.description_en,
    keywords: b.keywords,
    countryCode: b.country_code,
    city: b.city,
    cityGeonameId: b.city_geoname_id,
    address: contacts.address,
    lat: b.lat,
    lon: b.lon,
    foundedYear: b.founded_year,
    sizeBand: b.size_band,
    website: b.website,
    email: contacts.email,
    phone: contacts.phone,
    messengers: contacts.messengers,
    languages: b.languages,
    cooperationKinds: b.cooperation_kinds,
    offers: b.offers,
    seeks: b.seeks,
    sectorCodes: sectors.map((s) => s.sector_code),
    regionCodes: regions.map((r) => r.region_code),
    verified: b.verified_now,
    verification:
      b.verified_at && b.verification_expires_at
        ? {
            at: new Date(b.verified_at).toISOString(),
            expiresAt: new Date(b.verification_expires_at).toISOString(),
            current: b.verified_now,
            countryCode: b.country_code.trim(),
            councilRu: b.council_ru,
            councilEn: b.council_en,
          }
        : null,
    // Whoever may see every contact looks after the listing (see the route): they see how current it is.
    upkeep:
      viewerAccess === 'all' ? { confirmedAt: new Date(b.confirmed_at).toISOString(), stale: b.stale } : null,
    status: b.status,
    updatedAt: new Date(b.updated_at).toISOString(),
  }
}
