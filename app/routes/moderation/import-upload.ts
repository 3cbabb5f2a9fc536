import { handleUpload } from '~/modules/import/route-helpers.server'
import type { Route } from './+types/import-upload'

type Refusal = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null }

const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && (value as Refusal).type === 'DataWithResponseInit'

/** The upload the page sends with a progress bar: the same check as the form, answered in JSON. */
export async function action({ request }: Route.ActionArgs) {
  try {
    const outcome = await handleUpload(request)
    if ('error' in outcome) return Response.json({ error: outcome.error }, { status: outcome.status })
    return Response.json({ id: outcome.id, location: `/moderation/import/${outcome.id}` })
  } catch (thrown) {
    // A refusal (403, sign-in needed) is said in JSON too, so the page can show it.
    if (isRefusal(thrown))
      return Response.json({ error: String(thrown.data) }, { status: thrown.init?.status ?? 400 })
    throw thrown
  }
}
