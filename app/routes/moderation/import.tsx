import { data, Form, Link, redirect } from 'react-router'
import { FormNotice } from '~/components/form-field'
import { UploadForm } from '~/components/import/upload-form'
import { useT } from '~/modules/i18n/use-translation'
import { listImports } from '~/modules/import/imports.server'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/modules/import/limits'
import { handleUpload, importScope } from '~/modules/import/route-helpers.server'
import type { Route } from './+types/import'

export function meta() {
  return [{ title: 'Загрузка из файла · Import from a file' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const { db, choices, country } = await importScope(
    request,
    new URL(request.url).searchParams.get('country'),
  )
  return { choices, country, imports: await listImports(db, country.code) }
}

/** Without JavaScript the form posts here; with it, the same check runs through /moderation/import/upload. */
export async function action({ request }: Route.ActionArgs) {
  const outcome = await handleUpload(request)
  if ('error' in outcome) return data({ error: outcome.error }, { status: outcome.status })
  return redirect(`/moderation/import/${outcome.id}`)
}

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { choices, country, imports } = loaderData
  const templateLink = (format: 'xlsx' | 'csv', lang: 'ru' | 'en') =>
    `/moderation/import/template.${format}?country=${country.code}&lang=${lang}`
  return (
    <div className="import-page">
      <p>
        <Link to={`/moderation?country=${country.code}`}>← {t('import.toQueue')}</Link>
      </p>
      <h1>{t('import.title')}</h1>
      {choices.length > 1 ? (
        <Form method="get" className="moderation-country">
          <label>
            {t('import.country')}{' '}
            <select name="country" defaultValue={country.code}>
              {choices.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">{t('moderation.show')}</button>
        </Form>
      ) : null}
      <p>{t('import.intro', { country: country.name })}</p>
      <section aria-labelledby="templates">
        <h2 id="templates">{t('import.templates')}</h2>
        <ul className="import-templates">
          <li>
            <a href={templateLink('xlsx', 'ru')} download>
              {t('import.template.xlsxRu')}
            </a>
          </li>
          <li>
            <a href={templateLink('csv', 'ru')} download>
              {t('import.template.csvRu')}
            </a>
          </li>
          <li>
            <a href={templateLink('xlsx', 'en')} download>
              {t('import.template.xlsxEn')}
            </a>
          </li>
          <li>
            <a href={templateLink('csv', 'en')} download>
              {t('import.template.csvEn')}
            </a>
          </li>
        </ul>
      </section>
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <UploadForm
        countryCode={country.code}
        maxMb={MAX_IMPORT_BYTES / 1024 / 1024}
        maxRows={MAX_IMPORT_ROWS}
      />
      <section aria-labelledby="history">
        <h2 id="history">{t('import.history')}</h2>
        {imports.length === 0 ? (
          <p className="empty-state">{t('import.historyEmpty')}</p>
        ) : (
          <table className="import-history">
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>{i.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>
                    <Link to={`/moderation/import/${i.id}`}>{i.fileName}</Link>
                  </td>
                  <td>{t(`import.state.${i.state}`)}</td>
                  <td>
                    {i.result
                      ? t('import.done', {
                          created: i.result.created,
                          updated: i.result.updated,
                          unchanged: i.result.unchanged,
                          skipped: i.result.skippedDuplicates,
                        })
                      : t.plural('rowsAccusative', i.validRows)}
                  </td>
                  <td>{i.actorName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
