import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { requireRole } from '~/modules/accounts/guard.server'
import { findDuplicateCandidates } from '~/modules/duplicates/candidates.server'
import { duplicateView } from '~/modules/duplicates/view'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import {
  clipReply,
  fillPointFromGazetteer,
  isConstraintViolation,
  loadEditableListing,
  loadEditorOptions,
  MAX_EDITOR_BODY,
  optionCodes,
  saveListing,
} from './editor.server'
import { listingContent } from './listing-fields.server'
import { listingSchema } from './listing-schema'
import { VersionConflictError } from './write.server'

/**
 * The editor's action for both routes (new and edit): permissions, parsing with the shared schema,
 * the gazetteer fill-in, saving through the one write path, and every failure as a 4xx that keeps
 * what was typed.
 */
export async function handleEditorSubmit(request: Request, rawId: string | undefined) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const user = await requireRole(db, request, 'entrepreneur')
  const existing = rawId === undefined ? null : await loadEditableListing(db, user, rawId, t)
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_EDITOR_BODY) {
    return data({ lastResult: null, formError: t('editor.tooLarge') }, { status: 413 })
  }
  const form = await readForm(request, t('error.badRequest.title'))
  fillPointFromGazetteer(form)
  const options = await loadEditorOptions(db)
  const submission = parseWithZod(form, { schema: listingSchema(t, { codes: optionCodes(options) }) })
  if (submission.status !== 'success') {
    return data({ lastResult: clipReply(submission.reply()), formError: null }, { status: 400 })
  }
  // Before a submission goes to the council: is it already in the directory? The entrepreneur sees
  // the published candidates and may still submit (a different business) by ticking notDuplicate.
  if (submission.value.intent === 'submit' && form.get('notDuplicate') !== 'on') {
    const candidates = await findDuplicateCandidates(db, listingContent(submission.value), {
      statuses: ['published'],
      excludeId: existing?.id ?? null,
    })
    if (candidates.length > 0) {
      return data({
        lastResult: clipReply(submission.reply()),
        formError: null,
        duplicates: candidates.map(duplicateView),
      })
    }
  }
  try {
    const saved = await saveListing(db, user, existing, submission.value)
    return redirect(`/my/listings?${saved.status === 'pending' ? 'submitted' : 'saved'}=${saved.id}`)
  } catch (error) {
    if (error instanceof VersionConflictError) {
      const message = t('editor.conflict')
      return data(
        { lastResult: clipReply(submission.reply({ formErrors: [message] })), formError: message },
        { status: 409 },
      )
    }
    if (isConstraintViolation(error)) {
      const message = t('error.badRequest.title')
      return data(
        { lastResult: clipReply(submission.reply({ formErrors: [message] })), formError: message },
        { status: 400 },
      )
    }
    throw error
  }
}
