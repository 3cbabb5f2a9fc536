import { getDb } from '#db/client.server'
import { ListingEditor } from '~/components/listing-editor'
import { requireRole } from '~/modules/accounts/guard.server'
import { loadEditorOptions, newFormDefaults } from '~/modules/businesses/editor.server'
import { handleEditorSubmit } from '~/modules/businesses/editor-action.server'
import type { DuplicateView } from '~/modules/duplicates/view'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/listing-new'

export function meta() {
  return [{ title: 'Новая компания · New business' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'entrepreneur')
  return { options: await loadEditorOptions(db), defaultValue: newFormDefaults() }
}

export async function action({ request }: Route.ActionArgs) {
  return handleEditorSubmit(request, undefined)
}

export default function NewListing({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div>
      <h1>{t('editor.titleNew')}</h1>
      <p>{t('editor.intro')}</p>
      <ListingEditor
        options={loaderData.options}
        defaultValue={loaderData.defaultValue}
        lastResult={actionData?.lastResult}
        formError={actionData?.formError}
        duplicates={(actionData as { duplicates?: DuplicateView[] } | undefined)?.duplicates}
        status="new"
      />
    </div>
  )
}
