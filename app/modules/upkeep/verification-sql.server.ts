import { type Expression, sql } from 'kysely'
import { defaultSettings } from '~/modules/settings/settings.server'

/**
 * How long a council's verification lasts, read in SQL from the admin's setting (decision 0021), so
 * the search rows, statistics and exports agree with the card without each loading the setting.
 */
export const validityMonthsSql = sql<number>`coalesce((select (value #>> '{}')::int from app_settings
  where key = 'verificationValidityMonths'), ${defaultSettings.verificationValidityMonths}::int)`

/** When a verification made at `verifiedAt` expires. */
export function verificationExpirySql(verifiedAt: Expression<Date | null> | ReturnType<typeof sql.ref>) {
  return sql<Date | null>`(${verifiedAt} + make_interval(months => ${validityMonthsSql}))`
}

/** Whether a verification made at `verifiedAt` still stands now. */
export function verifiedNowSql(verifiedAt: Expression<Date | null> | ReturnType<typeof sql.ref>) {
  return sql<boolean>`coalesce(${verificationExpirySql(verifiedAt)} > now(), false)`
}
