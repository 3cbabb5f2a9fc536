import { data, Link, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { BusinessCardView } from '~/components/business-card'
import { businessDisplayName } from '~/components/business-list-item'
import { TradeFacts, TradeMatchesView } from '~/components/trade-section'
import { canViewUnpublishedBusiness, getCurrentUser, hasRole } from '~/modules/accounts/guard.server'
import { type ContactAccess, getCard } from '~/modules/businesses/card.server'
import { findTradeMatches } from '~/modules/businesses/matches.server'
import { redirectTarget } from '~/modules/duplicates/merge.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import { localizedCity } from '~/modules/reference/cities.server'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { listingPreview } from '~/modules/seo/listing-preview.server'
import { shareMeta } from '~/modules/seo/share-meta'
import { siteUrl } from '~/modules/seo/site-url.server'
import type { Route } from './+types/businesses.$id'

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Карта российского бизнеса' }]
  return [
    { title: `${data.title} — ${data.appTitle}` },
    ...(data.share ? shareMeta(data.share) : []),
    ...(data.jsonLd ? [{ 'script:ld+json': data.jsonLd }] : []),
  ]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  // Accept "/businesses/42" and "/businesses/42-some-slug".
  const match = /^(\d{1,9})(?:-[\p{L}\p{N}-]*)?$/u.exec(params.id)
  const id = match ? Number(match[1]) : Number.NaN
  if (!Number.isSafeInteger(id) || id < 1) throw data(t('error.businessNotFound'), { status: 404 })
  const db = await getDb()
  // A listing merged into another: its links lead there, for good (decision 0017).
  const target = await redirectTarget(db, id)
  if (target !== null) throw redirect(`/businesses/${target}`, 301)
  const user = await getCurrentUser(db, request)
  let access: ContactAccess = 'public'
  const [card, labels] = await Promise.all([
    getCard(
      db,
      id,
      // The owner, the country's council and the working group see every contact detail.
      (b) => {
        access = canViewUnpublishedBusiness(user, b) || (user && hasRole(user, 'admin')) ? 'all' : 'public'
        return access
      },
      (b) => b.status === 'published' || canViewUnpublishedBusiness(user, b),
    ),
    loadReferenceLabels(db, { regions: true }),
  ])
  if (!card) throw data(t('error.businessNotFound'), { status: 404 })
  card.city = localizedCity(locale, card.cityGeonameId, card.city)
  const title = businessDisplayName(locale, card)
  // Only published listings are matched, whoever looks (the owner of a draft sees who would fit).
  const matches = await findTradeMatches(
    db,
    {
      id: card.id,
      countryCode: card.countryCode.trim(),
      offers: card.offers,
      seeks: card.seeks,
      regionCodes: card.regionCodes,
    },
    locale,
  )
  const preview =
    card.status === 'published' ? listingPreview(card, labels, locale, siteUrl(request), access) : null
  return {
    card,
    labels,
    matches,
    title,
    appTitle: t('app.title'),
    share: preview?.share,
    jsonLd: preview?.jsonLd,
  }
}

export default function BusinessPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div className="business-page">
      <p>
        <Link to="/">{t('business.backToList')}</Link>
      </p>
      <BusinessCardView card={loaderData.card} labels={loaderData.labels} />
      <TradeFacts offers={loaderData.card.offers} seeks={loaderData.card.seeks} />
      <TradeMatchesView
        offers={loaderData.card.offers}
        seeks={loaderData.card.seeks}
        matches={loaderData.matches}
        labels={loaderData.labels}
      />
    </div>
  )
}
