import { useState } from 'react'
import { Form, useNavigate, useNavigation } from 'react-router'
import { FormNotice } from '~/components/form-field'
import { useT } from '~/modules/i18n/use-translation'

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The file form. It works as a plain multipart POST; with JavaScript the file goes up through
 * XMLHttpRequest instead, the one browser API that reports upload progress, so a council on a slow
 * line sees how far a 10 MB file has got.
 */
export function UploadForm({
  countryCode,
  maxMb,
  maxRows,
}: {
  countryCode: string
  maxMb: number
  maxRows: number
}) {
  const t = useT()
  const navigate = useNavigate()
  const navigation = useNavigation()
  const [percent, setPercent] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0]
    if (!file) return // the server answers with its message
    event.preventDefault()
    setError(null)
    setPercent(0)
    const request = new XMLHttpRequest()
    request.open('POST', `/moderation/import/upload?country=${encodeURIComponent(countryCode)}`)
    request.responseType = 'json'
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setPercent(Math.round((e.loaded / e.total) * 100))
    }
    request.onload = () => {
      const body = request.response as { error?: string; location?: string } | null
      if (request.status < 300 && body?.location) {
        navigate(body.location)
        return
      }
      setPercent(null)
      setError(body?.error ?? t('import.error.unreadable'))
    }
    request.onerror = () => {
      setPercent(null)
      setError(t('import.error.network'))
    }
    request.send(new FormData(form))
  }

  const busy = percent !== null || navigation.state === 'submitting'
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="import-upload stack-form"
      onSubmit={onSubmit}
    >
      <input type="hidden" name="country" value={countryCode} />
      <label className="field">
        <span>{t('import.file')}</span>
        <input type="file" name="file" accept={ACCEPT} required />
        <span className="field-hint">{t('import.fileHint', { mb: maxMb, rows: maxRows })}</span>
      </label>
      {error ? <FormNotice kind="error">{error}</FormNotice> : null}
      {percent !== null ? (
        <p>
          <progress max={100} value={percent} aria-label={t('import.uploading', { percent })} />{' '}
          {t('import.uploading', { percent })}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {t('import.check')}
      </button>
    </Form>
  )
}
