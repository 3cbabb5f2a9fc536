import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Set by the database on insert; optional to write, always present to read. */
type Defaulted<T> = ColumnType<T, T | undefined, T>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string | T | undefined, string | T>

export type Locale = 'ru' | 'en'
export type Role = 'entrepreneur' | 'council_coordinator' | 'wg_member' | 'wg_chair' | 'admin'
export type BusinessStatus = 'draft' | 'pending' | 'published' | 'returned' | 'archived'
export type SizeBand = 'micro' | 'small' | 'medium' | 'large'
export type ForumStatus = 'planned' | 'open' | 'closed' | 'held'
export type NominationStatus = 'draft' | 'submitted' | 'shortlisted' | 'accepted' | 'declined' | 'withdrawn'
export type HistoryEntity =
  | 'business'
  | 'user'
  | 'role_grant'
  | 'council'
  | 'country'
  | 'sector'
  | 'forum'
  | 'nomination'
export type ModerationMail = 'each' | 'daily'
export type Messengers = Partial<Record<string, string>>

export interface CountriesTable {
  code: string
  name_ru: string
  name_en: string
  in_region: Defaulted<boolean>
  created_at: Timestamp
}

export interface CouncilsTable {
  id: Generated<number>
  country_code: string
  name_ru: string
  name_en: string
  email: string | null
  phone: string | null
  website: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SectorsTable {
  code: string
  name_ru: string
  name_en: string
  short_ru: string
  short_en: string
  position: number
}

export interface SectorDivisionsTable {
  code: string
  section_code: string
  name_ru: string
  name_en: string
  position: number
}

export interface FederalDistrictsTable {
  code: string
  name_ru: string
  name_en: string
  position: number
}

export interface RussianRegionsTable {
  code: string
  name_ru: string
  name_en: string
  district_code: string
}

export interface UsersTable {
  id: string
  email: string
  email_verified: Defaulted<boolean>
  name: string
  image: string | null
  locale: Defaulted<Locale>
  blocked_at: NullableTimestamp
  deleted_at: NullableTimestamp
  /** A coordinator's choice: one e-mail per submitted listing, or a daily digest. */
  moderation_mail: Defaulted<ModerationMail>
  moderation_digest_at: NullableTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

export interface AccountsTable {
  id: string
  user_id: string
  account_id: string
  provider_id: string
  password: string | null
  access_token: string | null
  refresh_token: string | null
  id_token: string | null
  access_token_expires_at: NullableTimestamp
  refresh_token_expires_at: NullableTimestamp
  scope: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SessionsTable {
  id: string
  user_id: string
  token: string
  expires_at: Timestamp
  ip_address: string | null
  user_agent: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface VerificationsTable {
  id: string
  identifier: string
  value: string
  expires_at: Timestamp
  created_at: Timestamp
  updated_at: Timestamp
}

export interface RateLimitsTable {
  key: string
  count: number
  window_started_at: Timestamp
}

export interface RoleGrantsTable {
  id: Generated<number>
  user_id: string
  role: Role
  council_id: number | null
  granted_by: string | null
  created_at: Timestamp
}

export interface AppSettingsTable {
  key: string
  value: Json<unknown>
  updated_at: Timestamp
  updated_by: string | null
}

export interface ApiTokensTable {
  id: Generated<number>
  user_id: string
  name: string
  token_hash: string
  token_prefix: Generated<string>
  expires_at: NullableTimestamp
  last_used_at: NullableTimestamp
  revoked_at: NullableTimestamp
  created_at: Timestamp
}

export interface BusinessesTable {
  id: Generated<number>
  owner_id: string | null
  external_id: string | null
  name_ru: string | null
  name_en: string | null
  name_local: string | null
  local_lang: string | null
  description_ru: string | null
  description_en: string | null
  keywords: Defaulted<string[]>
  country_code: string
  city: string | null
  city_geoname_id: number | null
  address: string | null
  lat: number | null
  lon: number | null
  founded_year: number | null
  size_band: SizeBand | null
  website: string | null
  email: string | null
  phone: string | null
  messengers: Json<Messengers>
  languages: Defaulted<string[]>
  cooperation_kinds: Defaulted<string[]>
  /** Taxonomy codes (section letter or division) the business offers / seeks: decision 0022. */
  offers: Defaulted<string[]>
  seeks: Defaulted<string[]>
  public_email: Defaulted<boolean>
  public_phone: Defaulted<boolean>
  public_messengers: Defaulted<boolean>
  public_address: Defaulted<boolean>
  consent_at: NullableTimestamp
  status: Defaulted<BusinessStatus>
  moderator_reason: string | null
  verified_at: NullableTimestamp
  verified_by: string | null
  /** Last sign the listing is current: its owner confirmed or saved it, or its council verified it. */
  confirmed_at: Timestamp
  /** When the owner was last asked by mail to confirm the listing. */
  confirmation_requested_at: NullableTimestamp
  submitted_at: NullableTimestamp
  published_at: NullableTimestamp
  archived_at: NullableTimestamp
  created_at: Timestamp
  updated_at: Timestamp
  version: Defaulted<number>
}

export interface BusinessSectorsTable {
  business_id: number
  sector_code: string
  position: Defaulted<number>
}

export interface BusinessRegionsTable {
  business_id: number
  region_code: string
}

export interface HistoryTable {
  id: Generated<number>
  entity_type: HistoryEntity
  entity_id: string
  action: string
  actor_id: string | null
  before: Json<unknown> | null
  after: Json<unknown> | null
  note: string | null
  created_at: Timestamp
}

export interface SearchOutboxTable {
  id: Generated<number>
  business_id: number
  op: 'upsert' | 'delete'
  attempts: Defaulted<number>
  last_error: string | null
  available_at: Timestamp
  created_at: Timestamp
}

/** One row per searchable listing (published, pending, returned), maintained on write. */
export interface BusinessSearchTable {
  business_id: number
  status: BusinessStatus
  country_code: string
  sector_codes: string[]
  region_codes: string[]
  district_codes: string[]
  cooperation_kinds: string[]
  /** Matching tokens of offers and seeks (app/modules/businesses/taxonomy.ts). */
  offer_codes: Defaulted<string[]>
  seek_codes: Defaulted<string[]>
  verified: boolean
  size_band: SizeBand | null
  geo: string | null
  sort_date: Timestamp
  name_sort_ru: string
  name_sort_en: string
  doc: string
  grams: string[]
  seq: Generated<number>
}

export interface SearchStateTable {
  id: number
  deletes: number
}

export interface SearchWordsTable {
  word: string
}

export interface SearchCitiesTable {
  geoname_id: number
  country_code: string
  name_ru: string
  name_en: string
  name_local: string
}

export interface MailOutboxTable {
  id: Generated<number>
  to_email: string
  locale: Locale
  kind: string
  subject: string
  text_body: string
  html_body: string | null
  /** Extra mail headers sent with it (List-Unsubscribe on digests). */
  headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>
  attempts: Defaulted<number>
  last_error: string | null
  sent_at: NullableTimestamp
  created_at: Timestamp
}

export type DigestFrequency = 'daily' | 'weekly' | 'none'

export interface SavedSearchesTable {
  id: Generated<number>
  user_id: string
  name: string
  query: string
  frequency: Defaulted<DigestFrequency>
  /** Listings published after this are new for the next digest. */
  last_digest_at: Timestamp
  /** When the next digest is due; null when the search sends no mail. */
  next_digest_at: NullableTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ForumsTable {
  id: Generated<number>
  title_ru: string
  title_en: string
  year: number
  place_ru: string | null
  place_en: string | null
  starts_on: ColumnType<Date | null, string | null | undefined, string | null>
  ends_on: ColumnType<Date | null, string | null | undefined, string | null>
  nominations_open_at: NullableTimestamp
  nominations_close_at: NullableTimestamp
  status: Defaulted<ForumStatus>
  default_quota: Defaulted<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ForumQuotasTable {
  forum_id: number
  country_code: string
  quota: number
}

export interface NominationsTable {
  id: Generated<number>
  forum_id: number
  business_id: number
  country_code: string
  council_id: number
  person_name: string
  person_position: string | null
  person_email: string | null
  person_phone: string | null
  justification_ru: string | null
  justification_en: string | null
  topics: string | null
  status: Defaulted<NominationStatus>
  return_comment: string | null
  decision_note: string | null
  created_by: string | null
  submitted_at: NullableTimestamp
  decided_at: NullableTimestamp
  decided_by: string | null
  version: Defaulted<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface NominationReviewsTable {
  id: Generated<number>
  nomination_id: number
  reviewer_id: string
  score_relevance: number | null
  score_potential: number | null
  score_readiness: number | null
  comment: string | null
  conflicted: Defaulted<boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

export type ImportState = 'checked' | 'running' | 'done' | 'failed'

/** The dry-run report of a council's import, as the coordinator saw it. */
export interface ImportReport {
  totalRows: number
  problems: { message: string; fatal: boolean }[]
  errors: { rowNumber: number; column: string; message: string }[]
  /** Valid rows that look like listings already on the map (by name and city, or by website). */
  duplicates: {
    rowNumber: number
    name: string
    businessId: number
    businessName: string
    by: 'name' | 'website'
  }[]
  /** Valid rows whose external number is already on the map: they update that listing. */
  updates: number
}

export interface ImportResult {
  created: number
  updated: number
  unchanged: number
  skippedDuplicates: number
  ids: number[]
}

export interface ImportsTable {
  id: Generated<number>
  country_code: string
  actor_id: string | null
  file_name: string
  file_bytes: number
  state: Defaulted<ImportState>
  target_status: 'pending' | 'published' | null
  skip_duplicates: Defaulted<boolean>
  report: Json<ImportReport>
  /** The valid rows: row number, external id and the editor schema's value. */
  rows: Json<unknown[]>
  result: Json<ImportResult | null>
  created_at: Timestamp
  started_at: NullableTimestamp
  finished_at: NullableTimestamp
}

/** A listing merged into another: links to `from_id` lead to `to_id` (decision 0017). */
export interface BusinessRedirectsTable {
  from_id: number
  to_id: number
  merged_by: string | null
  created_at: Timestamp
}

export interface Database {
  countries: CountriesTable
  councils: CouncilsTable
  sectors: SectorsTable
  sector_divisions: SectorDivisionsTable
  federal_districts: FederalDistrictsTable
  russian_regions: RussianRegionsTable
  users: UsersTable
  accounts: AccountsTable
  sessions: SessionsTable
  verifications: VerificationsTable
  rate_limits: RateLimitsTable
  role_grants: RoleGrantsTable
  api_tokens: ApiTokensTable
  app_settings: AppSettingsTable
  businesses: BusinessesTable
  business_redirects: BusinessRedirectsTable
  business_sectors: BusinessSectorsTable
  business_regions: BusinessRegionsTable
  history: HistoryTable
  search_outbox: SearchOutboxTable
  business_search: BusinessSearchTable
  search_words: SearchWordsTable
  search_cities: SearchCitiesTable
  search_state: SearchStateTable
  mail_outbox: MailOutboxTable
  saved_searches: SavedSearchesTable
  forums: ForumsTable
  forum_quotas: ForumQuotasTable
  nominations: NominationsTable
  nomination_reviews: NominationReviewsTable
  imports: ImportsTable
}

export type Business = Selectable<BusinessesTable>
export type NewBusiness = Insertable<BusinessesTable>
export type BusinessUpdate = Updateable<BusinessesTable>
export type User = Selectable<UsersTable>
