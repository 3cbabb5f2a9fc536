import { getDb } from '#db/client.server'
import { ListingEditor } from '~/components/listing-editor'
import { requireRole } from '~/modules/accounts/guard.server'
import { loadEditableListing, loadEditorOptions, toFormDefaults } from '~/modules/businesses/editor.server'
import { handleEditorSubmit } from '~/modules/businesses/editor-action.server'
import type { DuplicateView } from '~/modules/duplicates/view'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/listing-edit'

export function meta() {
  return [{ title: 'Изменить компанию · Edit business' }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const db = await getDb()
  const user = await requireRole(db, request, 'entrepreneur')
  const listing = await loadEditableListing(db, user, params.id, makeTranslator(await getLocale(request)))
  return {
    options: await loadEditorOptions(db),
    defaultValue: toFormDefaults(listing),
    status: listing.status,
    reason: listing.status === 'returned' ? listing.moderator_reason : null,
    consentAt: listing.consent_at ? new Date(listing.consent_at).toISOString() : null,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleEditorSubmit(request, params.id)
}

export default function EditListing({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div>
      <h1>{t('editor.titleEdit')}</h1>
      <ListingEditor
        options={loaderData.options}
        defaultValue={loaderData.defaultValue}
        lastResult={actionData?.lastResult}
        formError={actionData?.formError}
        duplicates={(actionData as { duplicates?: DuplicateView[] } | undefined)?.duplicates}
        status={loaderData.status}
        reason={loaderData.reason}
        consentAt={loaderData.consentAt}
      />
    </div>
  )
}
