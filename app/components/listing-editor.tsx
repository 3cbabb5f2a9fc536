import {
  type FieldMetadata,
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { Form } from 'react-router'
import { cooperationKinds, messengers, sizeBands, workingLanguages } from '#db/reference/cooperation'
import { LIMITS, listingSchema } from '~/modules/businesses/listing-schema'
import type { DuplicateView } from '~/modules/duplicates/view'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { DuplicateWarning } from './duplicate-warning'
import { LocationFieldset, type MapPickerProps } from './location-fieldset'
import { PointPicker } from './map/map-view'
import { TradePicker } from './trade-picker'

export type EditorOptionsView = {
  countries: { code: string; nameRu: string; nameEn: string }[]
  sectors: { code: string; nameRu: string; nameEn: string; titleRu: string; titleEn: string }[]
  districts: {
    code: string
    nameRu: string
    nameEn: string
    regions: { code: string; nameRu: string; nameEn: string }[]
  }[]
}

type Props = {
  options: EditorOptionsView
  defaultValue: Record<string, unknown>
  lastResult?: SubmissionResult<string[]> | null
  status: 'new' | 'draft' | 'pending' | 'published' | 'returned' | 'archived'
  reason?: string | null
  consentAt?: string | null
  formError?: string | null
  /** Listings this one may duplicate, found when it was submitted: shown above the buttons. */
  duplicates?: DuplicateView[] | null
  renderMapPicker?: (props: MapPickerProps) => ReactNode
}

function Errors({ field }: { field: { errorId: string; errors?: string[] } }) {
  if (!field.errors?.length) return null
  return (
    <p id={field.errorId} className="field-error">
      {field.errors.join(' ')}
    </p>
  )
}

function Text({
  field,
  label,
  hint,
}: {
  field: FieldMetadata<string | undefined>
  label: string
  hint?: string
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input
        {...getInputProps(field, { type: 'text', ariaDescribedBy: hint ? `${field.id}-hint` : undefined })}
        key={field.key}
      />
      {hint ? (
        <p id={`${field.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <Errors field={field} />
    </div>
  )
}

function LongText({
  field,
  label,
  max,
}: {
  field: FieldMetadata<string | undefined>
  label: string
  max: number
}) {
  const t = useT()
  const n = field.value?.length ?? 0
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: `${field.id}-count` })}
        key={field.key}
        rows={6}
      />
      <p
        id={`${field.id}-count`}
        className={n > max ? 'field-hint counter-over' : 'field-hint'}
        aria-live="polite"
      >
        {t('editor.counter', { n, max })}
      </p>
      <Errors field={field} />
    </div>
  )
}

function Check({ field, label }: { field: FieldMetadata<boolean | undefined>; label: string }) {
  return (
    <div className="field">
      <label>
        <input {...getInputProps(field, { type: 'checkbox' })} key={field.key} /> {label}
      </label>
      <Errors field={field} />
    </div>
  )
}

function Choices({
  field,
  legend,
  options,
}: {
  field: FieldMetadata<string[] | undefined>
  legend: string
  options: { value: string; label: string; title?: string }[]
}) {
  const props = getCollectionProps(field, { type: 'checkbox', options: options.map((o) => o.value) })
  return (
    <fieldset className="field" aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend>{legend}</legend>
      <div className="choice-grid">
        {props.map((p, i) => (
          <label key={p.key ?? p.value} title={options[i]?.title}>
            <input {...p} key={undefined} /> {options[i]?.label}
          </label>
        ))}
      </div>
      <Errors field={field} />
    </fieldset>
  )
}

/**
 * The listing editor, the same for a new and an existing listing. Conform runs the shared zod schema
 * in the browser (messages as you leave a field) and the server repeats it; without JavaScript the
 * server's answer re-renders the form with every typed value and the messages.
 */
export function ListingEditor(props: Props) {
  const t = useT()
  const locale = useLocale()
  const label = (o: { nameRu: string; nameEn: string }) => (locale === 'ru' ? o.nameRu : o.nameEn)
  const codes = {
    countries: props.options.countries.map((c) => c.code),
    sectors: props.options.sectors.map((s) => s.code),
    regions: props.options.districts.flatMap((d) => d.regions.map((r) => r.code)),
  }
  const [form, fields] = useForm({
    id: 'listing',
    lastResult: props.lastResult ?? undefined,
    defaultValue: props.defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: listingSchema(t, { codes }) }),
  })
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>
  const b = fields as unknown as Record<string, FieldMetadata<boolean | undefined>>
  const a = fields as unknown as Record<string, FieldMetadata<string[] | undefined>>
  const messengerFields = (
    fields.messengers as unknown as FieldMetadata<Record<string, string | undefined>>
  ).getFieldset()
  const errorCount = Object.values(form.allErrors).length
  const published = props.status === 'published'
  const setValue = (name: string, value: string) => form.update({ name, value })
  const field = (name: string) => f[name] as FieldMetadata<string | undefined>

  return (
    <Form method="post" {...getFormProps(form)} className="editor">
      <input {...getInputProps(field('version'), { type: 'hidden' })} key={field('version').key} />
      {props.formError || form.errors?.length ? (
        <p className="notice notice-error" role="alert" id={form.errorId}>
          {props.formError ?? form.errors?.join(' ')}
        </p>
      ) : errorCount > 0 && props.lastResult ? (
        <p className="notice notice-error" role="alert">
          {t('editor.fixErrors', { n: errorCount })}
        </p>
      ) : null}
      {props.status === 'returned' && props.reason ? (
        <p className="notice notice-error">{t('editor.returnedNote', { reason: props.reason })}</p>
      ) : null}
      {published ? <p className="notice">{t('editor.publishedNote')}</p> : null}

      <fieldset>
        <legend>{t('editor.section.names')}</legend>
        <Text field={field('nameRu')} label={t('editor.nameRu')} />
        <Text field={field('nameEn')} label={t('editor.nameEn')} />
        <div className="row-2">
          <Text field={field('nameLocal')} label={t('editor.nameLocal')} hint={t('editor.nameLocalHint')} />
          <div className="field">
            <label htmlFor={field('localLang').id}>{t('editor.localLang')}</label>
            <select {...getSelectProps(field('localLang'))} key={field('localLang').key}>
              <option value="">—</option>
              {workingLanguages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.nameNative}
                </option>
              ))}
            </select>
            <Errors field={field('localLang')} />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('editor.section.about')}</legend>
        <LongText field={field('descriptionRu')} label={t('editor.descriptionRu')} max={LIMITS.description} />
        <LongText field={field('descriptionEn')} label={t('editor.descriptionEn')} max={LIMITS.description} />
        <Choices
          field={a.sectors as FieldMetadata<string[] | undefined>}
          legend={t('editor.sectors')}
          options={props.options.sectors.map((s) => ({
            value: s.code,
            label: label(s),
            title: locale === 'ru' ? s.titleRu : s.titleEn,
          }))}
        />
        <Text field={field('keywords')} label={t('editor.keywords')} hint={t('editor.keywordsHint')} />
      </fieldset>

      <LocationFieldset
        countries={props.options.countries}
        countryCode={field('countryCode')}
        city={field('city')}
        cityGeonameId={field('cityGeonameId')}
        lat={field('lat')}
        lon={field('lon')}
        setValue={setValue}
        renderMapPicker={props.renderMapPicker ?? renderPointPicker}
      >
        <Text field={field('address')} label={t('editor.address')} />
        <Check
          field={b.publicAddress as FieldMetadata<boolean | undefined>}
          label={t('editor.publicAddress')}
        />
      </LocationFieldset>

      <fieldset>
        <legend>{t('editor.section.facts')}</legend>
        <div className="row-2">
          <div className="field">
            <label htmlFor={field('foundedYear').id}>{t('editor.foundedYear')}</label>
            <input
              {...getInputProps(field('foundedYear'), { type: 'text' })}
              key={field('foundedYear').key}
              inputMode="numeric"
            />
            <Errors field={field('foundedYear')} />
          </div>
          <div className="field">
            <label htmlFor={field('sizeBand').id}>{t('editor.sizeBand')}</label>
            <select {...getSelectProps(field('sizeBand'))} key={field('sizeBand').key}>
              <option value="">{t('editor.sizeBandNone')}</option>
              {sizeBands.map((s) => (
                <option key={s.code} value={s.code}>
                  {label(s)}
                </option>
              ))}
            </select>
            <Errors field={field('sizeBand')} />
          </div>
        </div>
        <Choices
          field={a.languages as FieldMetadata<string[] | undefined>}
          legend={t('editor.languages')}
          options={workingLanguages.map((l) => ({ value: l.code, label: `${label(l)} · ${l.nameNative}` }))}
        />
      </fieldset>

      <fieldset>
        <legend>{t('editor.section.contacts')}</legend>
        <p className="field-hint">{t('editor.contactsHint')}</p>
        <Text field={field('website')} label={t('editor.website')} />
        <Text field={field('email')} label={t('editor.email')} />
        <Check field={b.publicEmail as FieldMetadata<boolean | undefined>} label={t('editor.publicEmail')} />
        <Text field={field('phone')} label={t('editor.phone')} hint={t('editor.phoneHint')} />
        <Check field={b.publicPhone as FieldMetadata<boolean | undefined>} label={t('editor.publicPhone')} />
        <fieldset className="field">
          <legend>{t('editor.messengers')}</legend>
          <div className="row-2">
            {messengers.map((m) => {
              const mf = messengerFields[m.code] as FieldMetadata<string | undefined>
              return <Text key={m.code} field={mf} label={m.name} />
            })}
          </div>
        </fieldset>
        <Check
          field={b.publicMessengers as FieldMetadata<boolean | undefined>}
          label={t('editor.publicMessengers')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('editor.section.cooperation')}</legend>
        <Choices
          field={a.cooperationKinds as FieldMetadata<string[] | undefined>}
          legend={t('editor.cooperationKinds')}
          options={cooperationKinds.map((k) => ({ value: k.code, label: label(k) }))}
        />
        <fieldset className="field">
          <legend>{t('editor.regions')}</legend>
          {props.options.districts.map((d) => (
            <details key={d.code} open={d.regions.some((r) => (a.regions?.value ?? []).includes(r.code))}>
              <summary>{label(d)}</summary>
              <div className="choice-grid">
                {d.regions.map((r) => (
                  <label key={r.code}>
                    <input
                      type="checkbox"
                      name={a.regions?.name ?? 'regions'}
                      value={r.code}
                      defaultChecked={(toArray(a.regions?.initialValue) ?? []).includes(r.code)}
                    />{' '}
                    {label(r)}
                  </label>
                ))}
              </div>
            </details>
          ))}
          {a.regions ? <Errors field={a.regions} /> : null}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('editor.section.trade')}</legend>
        <TradePicker field={a.offers as FieldMetadata<string[] | undefined>} legend={t('editor.offers')} />
        <TradePicker field={a.seeks as FieldMetadata<string[] | undefined>} legend={t('editor.seeks')} />
      </fieldset>

      <fieldset>
        <legend>{t('editor.section.consent')}</legend>
        <Check field={b.consent as FieldMetadata<boolean | undefined>} label={t('editor.consent')} />
        {props.consentAt ? (
          <p className="field-hint">{t('editor.consentGiven', { date: props.consentAt.slice(0, 10) })}</p>
        ) : null}
      </fieldset>

      {props.duplicates?.length ? <DuplicateWarning candidates={props.duplicates} /> : null}
      <div className="editor-actions">
        {published ? null : (
          <button type="submit" name="intent" value="save" className="secondary">
            {t('editor.saveDraft')}
          </button>
        )}
        <button type="submit" name="intent" value="submit">
          {published ? t('editor.submitChanges') : t('editor.submit')}
        </button>
      </div>
    </Form>
  )
}

function toArray(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
}

/** The editor's map: click or drag the marker; the latitude/longitude fields follow. */
function renderPointPicker(p: MapPickerProps) {
  return (
    <PointPicker
      withInputs={false}
      value={p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null}
      onChange={(v) => {
        if (v) p.onPick(v.lat, v.lon)
      }}
    />
  )
}
