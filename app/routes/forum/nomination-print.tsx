import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { getNominationFor } from '~/modules/nominations/read.server'
import { forumContext, orRefuse, parseId } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/nomination-print'

export function meta() {
  return [{ title: 'Заявка · Nomination' }]
}

/** A read-only page to print or save as PDF; the print stylesheet hides the site's header and footer. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t, actor } = await forumContext(request)
  const id = parseId(t, params.id)
  const n = await orRefuse(t, () => getNominationFor(db, actor, id))
  return {
    id: n.id,
    status: n.status,
    forumRu: n.forum_title_ru,
    forumEn: n.forum_title_en,
    countryRu: n.country_name_ru,
    countryEn: n.country_name_en,
    businessRu: n.business_name_ru ?? n.business_name_local,
    businessEn: n.business_name_en ?? n.business_name_local,
    city: n.business_city,
    personName: n.person_name,
    personPosition: n.person_position,
    personEmail: n.person_email,
    personPhone: n.person_phone,
    justificationRu: n.justification_ru,
    justificationEn: n.justification_en,
    topics: n.topics,
    submittedAt: n.submitted_at ? new Date(n.submitted_at).toISOString().slice(0, 10) : null,
  }
}

export default function NominationPrint({ loaderData: n }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const rows: [string, string | null][] = [
    [t('nomination.forum'), pick(locale, n.forumRu, n.forumEn)],
    [t('nomination.country'), pick(locale, n.countryRu, n.countryEn)],
    [t('forum.status'), t(`nomination.status.${n.status}`)],
    [t('nomination.business'), [pick(locale, n.businessRu, n.businessEn), n.city].filter(Boolean).join(', ')],
    [t('nomination.personName'), n.personName],
    [t('nomination.personPosition'), n.personPosition],
    [t('nomination.personEmail'), n.personEmail],
    [t('nomination.personPhone'), n.personPhone],
    [t('nomination.justificationRu'), n.justificationRu],
    [t('nomination.justificationEn'), n.justificationEn],
    [t('nomination.topics'), n.topics],
    [t('nomination.done.submit'), n.submittedAt],
  ]
  return (
    <article className="printable">
      <h1>{t('nomination.title', { id: String(n.id) })}</h1>
      <dl>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className="prewrap">{v}</dd>
            </div>
          ))}
      </dl>
    </article>
  )
}
