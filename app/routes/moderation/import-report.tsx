import { useEffect } from 'react'
import { data, Form, Link, redirect, useRevalidator } from 'react-router'
import { FormNotice } from '~/components/form-field'
import { readForm } from '~/modules/http/read-form'
import { useT } from '~/modules/i18n/use-translation'
import {
  claimImport,
  ImportStateError,
  importProgress,
  loadImport,
  runImport,
} from '~/modules/import/imports.server'
import { importIdScope } from '~/modules/import/route-helpers.server'
import type { Route } from './+types/import-report'

export function meta() {
  return [{ title: 'Отчёт о загрузке · Import report' }]
}

/** The page shows at most this many error rows; the CSV of errors has them all. */
const SHOWN_ERRORS = 200

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, id, country } = await importIdScope(request, params.id)
  const record = await loadImport(db, id)
  if (!record) throw data('Not found', { status: 404 })
  const { report } = record
  return {
    country,
    record: { ...record, report: { ...report, errors: report.errors.slice(0, SHOWN_ERRORS) } },
    errorCount: report.errors.length,
    invalidRows: new Set(report.errors.map((e) => e.rowNumber)).size,
    progress: importProgress(id),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, t, user, id } = await importIdScope(request, params.id)
  const form = await readForm(request, t('error.badRequest.title'))
  const status = form.get('status') === 'published' ? 'published' : 'pending'
  const skipDuplicates = form.get('skipDuplicates') === 'on'
  try {
    await claimImport(db, id, { status, skipDuplicates })
  } catch (error) {
    if (error instanceof ImportStateError) return data({ error: t('import.error.state') }, { status: 409 })
    throw error
  }
  // The import runs on after this answer, in one transaction; the page follows its progress.
  runImport(db, id, user.id).catch((error) => console.error(`Import ${id} failed:`, error))
  return redirect(`/moderation/import/${id}`)
}

/** While the import runs, the page asks again every second (a refresh does the same without JS). */
function useRefreshWhile(active: boolean) {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate()
    }, 1000)
    return () => clearInterval(timer)
  }, [active, revalidator])
}

export default function ImportReport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { record, country, errorCount, invalidRows, progress } = loaderData
  const { report } = record
  useRefreshWhile(record.state === 'running')
  const canCommit = (record.state === 'checked' || record.state === 'failed') && record.validRows > 0
  return (
    <div className="import-page" data-state={record.state}>
      {record.state === 'running' ? <meta httpEquiv="refresh" content="2" /> : null}
      <p>
        <Link to={`/moderation/import?country=${country.code}`}>← {t('import.again')}</Link>
      </p>
      <h1>{t('import.report.title')}</h1>
      <p>
        {t('import.report.file', {
          file: record.fileName,
          country: country.name,
          date: record.createdAt.slice(0, 16).replace('T', ' '),
        })}
      </p>
      <dl className="moderation-dashboard import-summary">
        <div>
          <dt>{t('import.report.total')}</dt>
          <dd data-count="total">{report.totalRows}</dd>
        </div>
        <div>
          <dt>{t('import.report.valid')}</dt>
          <dd data-count="valid">{record.validRows}</dd>
        </div>
        <div>
          <dt>{t('import.report.invalid')}</dt>
          <dd data-count="invalid">{invalidRows}</dd>
        </div>
        <div>
          <dt>{t('import.report.updates')}</dt>
          <dd data-count="updates">{report.updates}</dd>
        </div>
        <div>
          <dt>{t('import.report.duplicates')}</dt>
          <dd data-count="duplicates">{report.duplicates.length}</dd>
        </div>
      </dl>

      {record.state === 'running' ? (
        <p className="import-progress">
          <progress max={progress?.total ?? record.validRows} value={progress?.done ?? undefined} />{' '}
          {t('import.running', { done: progress?.done ?? 0, total: progress?.total ?? record.validRows })}
        </p>
      ) : null}
      {record.state === 'done' && record.result ? (
        <FormNotice kind="ok">
          {t('import.done', {
            created: record.result.created,
            updated: record.result.updated,
            unchanged: record.result.unchanged,
            skipped: record.result.skippedDuplicates,
          })}{' '}
          <Link to={`/moderation?country=${country.code}`}>{t('import.toQueue')}</Link>
        </FormNotice>
      ) : null}
      {record.state === 'failed' ? <FormNotice kind="error">{t('import.failed')}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}

      {report.problems.length > 0 ? (
        <section aria-labelledby="problems">
          <h2 id="problems">{t('import.report.problems')}</h2>
          <ul className="import-problems">
            {report.problems.map((p) => (
              <li key={p.message} className={p.fatal ? 'form-error' : undefined}>
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canCommit ? (
        <Form method="post" className="import-commit stack-form">
          <fieldset>
            <legend>{t('import.commit.status')}</legend>
            <label>
              <input type="radio" name="status" value="pending" defaultChecked /> {t('import.commit.pending')}
            </label>
            <label>
              <input type="radio" name="status" value="published" /> {t('import.commit.published')}
            </label>
          </fieldset>
          {report.duplicates.length > 0 ? (
            <label>
              <input type="checkbox" name="skipDuplicates" defaultChecked />{' '}
              {t('import.commit.skipDuplicates')}
            </label>
          ) : null}
          <p className="field-hint">{t('import.commit.atomic')}</p>
          <button type="submit">
            {t('import.commit.submit', { rows: t.plural('rowsAccusative', record.validRows) })}
          </button>
        </Form>
      ) : record.state === 'checked' ? (
        <FormNotice kind="error">{t('import.commit.nothing')}</FormNotice>
      ) : null}

      {report.duplicates.length > 0 ? (
        <section aria-labelledby="duplicates">
          <h2 id="duplicates">{t('import.report.duplicates')}</h2>
          <table className="import-duplicates">
            <thead>
              <tr>
                <th>{t('import.report.row')}</th>
                <th>{t('moderation.col.name')}</th>
                <th>{t('import.report.duplicateOf')}</th>
                <th>{t('import.report.by')}</th>
              </tr>
            </thead>
            <tbody>
              {report.duplicates.map((d) => (
                <tr key={d.rowNumber}>
                  <td>{d.rowNumber}</td>
                  <td>{d.name}</td>
                  <td>
                    <Link to={`/moderation/${d.businessId}`}>{d.businessName}</Link>
                  </td>
                  <td>{t(`import.report.by.${d.by}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="errors">
        <h2 id="errors">{t('import.report.errors')}</h2>
        {errorCount === 0 ? (
          <p className="empty-state">{t('import.report.noErrors')}</p>
        ) : (
          <>
            <p>
              <a href={`/moderation/import/${record.id}/errors.csv`} download>
                {t('import.report.errorsCsv')}
              </a>
            </p>
            {errorCount > report.errors.length ? (
              <p className="field-hint">
                {t('import.report.more', { shown: report.errors.length, total: errorCount })}
              </p>
            ) : null}
            <table className="import-errors">
              <thead>
                <tr>
                  <th>{t('import.report.row')}</th>
                  <th>{t('import.report.column')}</th>
                  <th>{t('import.report.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr key={`${e.rowNumber}-${e.column}`} data-row={e.rowNumber}>
                    <td>{e.rowNumber}</td>
                    <td>{e.column}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  )
}
