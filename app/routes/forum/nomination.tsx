import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { LocalTime } from '~/components/local-time'
import { NominationFields, type NominationValues } from '~/components/nomination-fields'
import { appUrl } from '~/modules/accounts/auth.server'
import { readForm } from '~/modules/http/read-form'
import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import {
  fieldErrors,
  formRecord,
  JUSTIFICATION_MAX,
  nominationContentSchema,
  reviewSchema,
} from '~/modules/nominations/content-schema'
import { criteria } from '~/modules/nominations/criteria'
import { nominationErrorMessage, nominationErrorStatus } from '~/modules/nominations/error-message'
import { NominationError } from '~/modules/nominations/errors'
import { transitionNomination, updateNomination } from '~/modules/nominations/nominations.server'
import { notifyTransition } from '~/modules/nominations/notify.server'
import {
  getForum,
  getNominationFor,
  nominationHistory,
  quotaSummary,
} from '~/modules/nominations/read.server'
import { reviewsVisibleTo, saveReview } from '~/modules/nominations/reviews.server'
import { forumContext, orRefuse, parseId } from '~/modules/nominations/route-context.server'
import {
  checkTransition,
  editableStates,
  isCouncilOf,
  type NominationAction,
  reviewableStates,
  transitions,
} from '~/modules/nominations/state'
import type { Route } from './+types/nomination'

export function meta() {
  return [{ title: 'Заявка · Nomination' }]
}

const actions = Object.keys(transitions) as NominationAction[]
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t, actor, isReviewer, isChair } = await forumContext(request)
  const id = parseId(t, params.id)
  const n = await orRefuse(t, () => getNominationFor(db, actor, id))
  const own = isCouncilOf(actor, n.council_id)
  const forum = await getForum(db, n.forum_id)
  const history = await nominationHistory(db, id, isReviewer)
  const reviews = isReviewer ? await reviewsVisibleTo(db, actor, id) : null
  return {
    nomination: {
      id: n.id,
      forumId: n.forum_id,
      status: n.status,
      version: n.version,
      countryCode: n.country_code.trim(),
      countryNameRu: n.country_name_ru,
      countryNameEn: n.country_name_en,
      businessId: n.business_id,
      businessNameRu: n.business_name_ru ?? n.business_name_local,
      businessNameEn: n.business_name_en ?? n.business_name_local,
      forumTitleRu: n.forum_title_ru,
      forumTitleEn: n.forum_title_en,
      returnComment: n.return_comment,
      decisionNote: n.decision_note,
      submittedAt: iso(n.submitted_at),
      content: {
        personName: n.person_name,
        personPosition: n.person_position ?? '',
        personEmail: n.person_email ?? '',
        personPhone: n.person_phone ?? '',
        justificationRu: n.justification_ru ?? '',
        justificationEn: n.justification_en ?? '',
        topics: n.topics ?? '',
      },
    },
    closesAt: iso(forum.nominations_close_at),
    quota: own ? await quotaSummary(db, n.forum_id, n.country_code) : null,
    canEdit: own && editableStates.includes(n.status),
    actions: actions.filter((a) => checkTransition(actor, a, n) === null),
    canReview: isReviewer && reviewableStates.includes(n.status),
    isChair,
    reviews,
    history: history.map((h) => ({
      id: h.id,
      action: h.action,
      note: h.note,
      actor: h.actor_name,
      at: iso(h.created_at) as string,
    })),
  }
}

type Failure = {
  formError: string
  values?: Record<string, string>
  errors?: Record<string, string>
  intent: string
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, t, actor } = await forumContext(request)
  const id = parseId(t, params.id)
  // Visibility first: another council's nomination, or a draft for the working group, is a 404.
  const current = await orRefuse(t, () => getNominationFor(db, actor, id))
  const form = formRecord(await readForm(request, t('error.badRequest.title')))
  const intent = form.intent ?? ''
  const fail = (error: NominationError, closesAt: Date | null = null) =>
    data<Failure>(
      { formError: nominationErrorMessage(t, error, { closesAt }), values: form, intent },
      { status: nominationErrorStatus(error) },
    )
  try {
    if (intent === 'save') {
      const parsed = nominationContentSchema.safeParse(form)
      const version = Number(form.version)
      if (!parsed.success || !Number.isInteger(version)) {
        return data<Failure>(
          {
            formError: t('formError.check'),
            values: form,
            errors: parsed.success ? {} : fieldErrors(parsed.error),
            intent,
          },
          { status: 400 },
        )
      }
      await updateNomination(db, actor, id, version, parsed.data)
      return redirect(`/nominations/${id}?done=save`)
    }
    if (intent === 'review') {
      const parsed = reviewSchema.safeParse(form)
      if (!parsed.success) {
        return data<Failure>(
          { formError: t('formError.check'), values: form, errors: fieldErrors(parsed.error), intent },
          { status: 400 },
        )
      }
      const r = parsed.data
      const given = criteria.map((c) => r[c])
      const scores = given.every((s) => typeof s === 'number')
        ? {
            relevance: r.relevance as number,
            potential: r.potential as number,
            readiness: r.readiness as number,
          }
        : null
      await saveReview(db, actor, id, { scores, comment: r.comment, conflicted: r.conflicted })
      return redirect(`/nominations/${id}?done=review`)
    }
    if ((actions as string[]).includes(intent)) {
      const act = intent as NominationAction
      const note = (form.note ?? '').trim()
      if (note.length > 2000) {
        return data<Failure>({ formError: t('formError.too_long'), values: form, intent }, { status: 400 })
      }
      let row: Awaited<ReturnType<typeof transitionNomination>>
      try {
        row = await transitionNomination(db, actor, id, act, { note })
      } catch (error) {
        if (error instanceof NominationError && error.code === 'window_closed') {
          const forum = await getForum(db, current.forum_id)
          return fail(error, forum.nominations_close_at ? new Date(forum.nominations_close_at) : null)
        }
        throw error
      }
      await notifyTransition(db, row, act, note || null, appUrl())
      return redirect(`/nominations/${id}?done=${act}`)
    }
    return data<Failure>({ formError: t('error.badRequest.title'), intent }, { status: 400 })
  } catch (error) {
    if (error instanceof NominationError) return fail(error)
    throw error
  }
}

export default function NominationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const [search] = useSearchParams()
  const n = loaderData.nomination
  const done = search.get('done')
  const failure = actionData as Failure | undefined
  const typed = failure?.intent === 'save' ? (failure.values as NominationValues) : n.content
  const reviewTyped = failure?.intent === 'review' ? failure.values : undefined
  const ownReview = loaderData.reviews?.reviews.find((r) => r.own)
  const doneKey = done && ['save', 'review', ...Object.keys(transitions)].includes(done) ? done : null
  return (
    <div>
      <p>
        <Link to={`/forums/${n.forumId}`}>{t('nomination.back')}</Link> ·{' '}
        <Link to={`/nominations/${n.id}/print`}>{t('nomination.print')}</Link>
      </p>
      <h1>{t('nomination.title', { id: String(n.id) })}</h1>
      {doneKey && !failure ? (
        <p className="notice notice-ok" role="status">
          {t(`nomination.done.${doneKey}` as never)}
        </p>
      ) : null}
      {failure?.formError ? (
        <p className="notice notice-error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      <p>
        <strong data-testid="nomination-status">{t(`nomination.status.${n.status}`)}</strong> ·{' '}
        {pick(locale, n.forumTitleRu, n.forumTitleEn)} · {pick(locale, n.countryNameRu, n.countryNameEn)}
      </p>
      {n.returnComment ? (
        <p className="notice">{t('nomination.returnComment', { comment: n.returnComment })}</p>
      ) : null}
      {n.decisionNote ? (
        <p className="notice">{t('nomination.decisionNote', { note: n.decisionNote })}</p>
      ) : null}
      {loaderData.quota ? (
        <p>
          {t('forum.quotaLine', {
            quota: loaderData.quota.quota,
            used: loaderData.quota.used,
            left: loaderData.quota.left,
          })}
        </p>
      ) : null}
      {loaderData.closesAt ? (
        <p>
          {t('forum.closesAt')}: <LocalTime iso={loaderData.closesAt} locale={locale} />
        </p>
      ) : null}
      <p>
        {t('nomination.business')}:{' '}
        <Link to={`/businesses/${n.businessId}`}>{pick(locale, n.businessNameRu, n.businessNameEn)}</Link>
      </p>
      {loaderData.canEdit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={n.version} />
          <NominationFields
            values={typed}
            errors={failure?.intent === 'save' ? (failure.errors ?? {}) : {}}
            max={JUSTIFICATION_MAX}
          />
          <button type="submit">{t('nomination.save')}</button>
        </Form>
      ) : (
        <dl className="nomination-content">
          <dt>{t('nomination.personName')}</dt>
          <dd>{n.content.personName}</dd>
          <dt>{t('nomination.personPosition')}</dt>
          <dd>{n.content.personPosition || '—'}</dd>
          <dt>{t('nomination.personEmail')}</dt>
          <dd>{n.content.personEmail || '—'}</dd>
          <dt>{t('nomination.personPhone')}</dt>
          <dd>{n.content.personPhone || '—'}</dd>
          <dt>{t('nomination.justificationRu')}</dt>
          <dd className="prewrap">{n.content.justificationRu || '—'}</dd>
          <dt>{t('nomination.justificationEn')}</dt>
          <dd className="prewrap">{n.content.justificationEn || '—'}</dd>
          <dt>{t('nomination.topics')}</dt>
          <dd className="prewrap">{n.content.topics || '—'}</dd>
        </dl>
      )}
      {loaderData.actions.length > 0 ? (
        <Form method="post" className="nomination-actions">
          {loaderData.isChair && loaderData.actions.some((a) => a !== 'submit' && a !== 'withdraw') ? (
            <div className="field">
              <label htmlFor="f-note">{t('nomination.note')}</label>
              <textarea
                id="f-note"
                name="note"
                rows={3}
                maxLength={2000}
                defaultValue={failure?.values?.note ?? ''}
              />
            </div>
          ) : null}
          {loaderData.actions.map((a) => (
            <button key={a} type="submit" name="intent" value={a}>
              {t(`nomination.${a}`)}
            </button>
          ))}
        </Form>
      ) : null}
      {loaderData.reviews ? (
        <section>
          <h2>{t('review.title')}</h2>
          {loaderData.canReview ? (
            <Form method="post" className="review-form">
              <input type="hidden" name="intent" value="review" />
              {criteria.map((c) => (
                <div className="field" key={c}>
                  <label htmlFor={`f-${c}`}>{t(`review.${c}`)}</label>
                  <select
                    id={`f-${c}`}
                    name={c}
                    defaultValue={reviewTyped?.[c] ?? String(ownReview?.scores?.[c] ?? '')}
                  >
                    <option value="">—</option>
                    {[1, 2, 3, 4, 5].map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div className="field">
                <label htmlFor="f-comment">{t('review.comment')}</label>
                <textarea
                  id="f-comment"
                  name="comment"
                  rows={3}
                  maxLength={2000}
                  defaultValue={reviewTyped?.comment ?? ownReview?.comment ?? ''}
                />
              </div>
              <label>
                <input type="checkbox" name="conflicted" defaultChecked={ownReview?.conflicted ?? false} />{' '}
                {t('review.conflicted')}
              </label>
              <button type="submit">{t('review.save')}</button>
            </Form>
          ) : null}
          <h3>{t('review.others')}</h3>
          {!loaderData.reviews.othersVisible ? <p>{t('review.othersHidden')}</p> : null}
          {loaderData.reviews.reviews.length === 0 ? <p>{t('review.none')}</p> : null}
          <ul data-testid="reviews">
            {loaderData.reviews.reviews.map((r) => (
              <li key={r.reviewerId}>
                {r.reviewerName}:{' '}
                {r.conflicted
                  ? t('review.conflictMark')
                  : r.scores
                    ? criteria.map((c) => `${t(`review.${c}`)} ${r.scores?.[c]}`).join(', ')
                    : '—'}
                {r.comment ? ` — ${r.comment}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>{t('nomination.history')}</h2>
        <ol className="timeline">
          {loaderData.history.map((h) => (
            <li key={h.id}>
              <LocalTime iso={h.at} locale={locale} /> — {h.actor ?? '—'}:{' '}
              {t(`nomination.history.${h.action}` as never) || h.action}
              {h.note ? ` — ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
