import { useT } from '~/modules/i18n/use-translation'

export type NominationValues = Partial<
  Record<
    | 'personName'
    | 'personPosition'
    | 'personEmail'
    | 'personPhone'
    | 'justificationRu'
    | 'justificationEn'
    | 'topics',
    string
  >
>

function ErrorText({ code }: { code?: string }) {
  const t = useT()
  return code ? <p className="field-error">{t(`formError.${code}` as never)}</p> : null
}

/** The person and justification of a nomination; presentational, errors are formError.* codes. */
export function NominationFields({
  values,
  errors,
  max,
}: {
  values: NominationValues
  errors: Record<string, string>
  max: number
}) {
  const t = useT()
  const input = (name: keyof NominationValues, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        defaultValue={values[name] ?? ''}
        aria-invalid={errors[name] ? true : undefined}
      />
      <ErrorText code={errors[name]} />
    </div>
  )
  const area = (name: keyof NominationValues, label: string, limit: number) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <textarea
        id={`f-${name}`}
        name={name}
        rows={6}
        maxLength={limit}
        defaultValue={values[name] ?? ''}
        aria-invalid={errors[name] ? true : undefined}
      />
      <ErrorText code={errors[name]} />
    </div>
  )
  return (
    <>
      {input('personName', `${t('nomination.personName')} *`)}
      {input('personPosition', t('nomination.personPosition'))}
      {input('personEmail', t('nomination.personEmail'), 'email')}
      {input('personPhone', t('nomination.personPhone'), 'tel')}
      <p className="hint">{t('nomination.justificationHint', { max })}</p>
      {area('justificationRu', t('nomination.justificationRu'), max)}
      {area('justificationEn', t('nomination.justificationEn'), max)}
      {area('topics', t('nomination.topics'), 1000)}
    </>
  )
}
