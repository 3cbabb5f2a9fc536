import type { BusinessCard } from '~/modules/businesses/card.server'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { formatDay, formatMonth } from '~/modules/upkeep/dates'

/**
 * The council's badge ("verified by the council of Japan, March 2027") while its verification stands,
 * and for those who look after the listing (owner, council, working group) what has gone stale: an
 * expired verification, an owner who has not confirmed the details for 18 months.
 */
export function VerificationNotes({ card, country }: { card: BusinessCard; country: string }) {
  const t = useT()
  const locale = useLocale()
  const v = card.verification
  const council = v
    ? ((locale === 'ru' ? v.councilRu : v.councilEn) ?? t('upkeep.councilOf', { country }))
    : ''
  return (
    <>
      {v?.current ? (
        <p
          className="badge-verified"
          title={t('upkeep.verifiedTitle', { council, date: formatDay(v.expiresAt, locale) })}
        >
          ✓ {t('upkeep.verifiedBadge', { country, month: formatMonth(v.at, locale) })}
        </p>
      ) : null}
      {card.upkeep && v && !v.current ? (
        <p className="upkeep-note" role="note">
          {t('upkeep.verificationExpired', { date: formatDay(v.expiresAt, locale) })}
        </p>
      ) : null}
      {card.upkeep?.stale ? (
        <p className="upkeep-note upkeep-stale" role="note">
          {t('upkeep.stale', { date: formatDay(card.upkeep.confirmedAt, locale) })}
        </p>
      ) : null}
    </>
  )
}
