import { type FieldMetadata, getInputProps, getSelectProps } from '@conform-to/react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useLocale, useT } from '~/modules/i18n/use-translation'

/**
 * What a map point-picker receives. The map issue (Leaflet) renders one through
 * `LocationFieldset`'s `renderMapPicker` prop; until then the point comes from the city and the
 * typed coordinates. The picker calls `onPick` when the marker is dropped or dragged.
 */
export type MapPickerProps = {
  lat: number | null
  lon: number | null
  countryCode: string
  onPick: (lat: number, lon: number) => void
}

type Suggestion = {
  id: number
  name: string
  nameRu: string
  nameEn: string
  nameLocal: string
  lat: number
  lon: number
}

type Props = {
  countries: { code: string; nameRu: string; nameEn: string }[]
  countryCode: FieldMetadata<string | undefined>
  city: FieldMetadata<string | undefined>
  cityGeonameId: FieldMetadata<string | undefined>
  lat: FieldMetadata<string | undefined>
  lon: FieldMetadata<string | undefined>
  /** Sets a field's value the way the form library knows about (Conform's form.update). */
  setValue: (name: string, value: string) => void
  /** THE MAP SLOT: the map issue passes a point-picker here; nothing is rendered without one. */
  renderMapPicker?: (props: MapPickerProps) => ReactNode
  children?: ReactNode
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null
  return (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  )
}

const toNumber = (v: string | undefined) => {
  const n = v?.trim() ? Number(v.replace(',', '.')) : Number.NaN
  return Number.isFinite(n) ? n : null
}

/**
 * Country → city (autocomplete from the offline gazetteer, which fills the point) → point (typed
 * latitude/longitude, or the map picker when one is plugged in). Without JavaScript the server
 * resolves the typed city against the same gazetteer.
 */
export function LocationFieldset(props: Props) {
  const t = useT()
  const locale = useLocale()
  const { countryCode, city, cityGeonameId, lat, lon, setValue } = props
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [picked, setPicked] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const country = countryCode.value ?? ''

  useEffect(() => () => clearTimeout(timer.current), [])

  function lookUp(query: string) {
    clearTimeout(timer.current)
    timer.current = setTimeout(async () => {
      try {
        const response = await fetch(
          `/api/cities?country=${encodeURIComponent(country)}&q=${encodeURIComponent(query)}`,
        )
        if (response.ok) setSuggestions(((await response.json()) as { cities: Suggestion[] }).cities)
      } catch {
        // Offline or navigating away: the server still resolves the typed city on save.
      }
    }, 150)
  }

  function onCityInput(value: string) {
    const match = suggestions.find((s) => [s.name, s.nameRu, s.nameEn, s.nameLocal].includes(value.trim()))
    if (match) {
      setValue(cityGeonameId.name, String(match.id))
      setValue(lat.name, String(match.lat))
      setValue(lon.name, String(match.lon))
      setPicked(match.name)
    } else {
      setValue(cityGeonameId.name, '')
      setPicked(null)
      lookUp(value)
    }
  }

  const listId = `${city.id}-suggestions`
  return (
    <fieldset>
      <legend>{t('editor.section.location')}</legend>
      <div className="field">
        <label htmlFor={countryCode.id}>{t('editor.country')}</label>
        <select
          {...getSelectProps(countryCode)}
          key={countryCode.key}
          onChange={() => {
            setSuggestions([])
            setValue(cityGeonameId.name, '')
          }}
        >
          {props.countries.map((c) => (
            <option key={c.code} value={c.code}>
              {locale === 'ru' ? c.nameRu : c.nameEn}
            </option>
          ))}
        </select>
        <Errors id={countryCode.errorId} errors={countryCode.errors} />
      </div>
      <div className="field">
        <label htmlFor={city.id}>{t('editor.city')}</label>
        <input
          {...getInputProps(city, { type: 'text', ariaDescribedBy: `${city.id}-hint` })}
          key={city.key}
          list={listId}
          autoComplete="off"
          onInput={(event) => onCityInput(event.currentTarget.value)}
          onFocus={(event) => {
            if (suggestions.length === 0) lookUp(event.currentTarget.value)
          }}
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.id} value={s.name}>
              {[s.nameLocal !== s.name ? s.nameLocal : null, locale === 'ru' ? s.nameEn : s.nameRu]
                .filter(Boolean)
                .join(' · ')}
            </option>
          ))}
        </datalist>
        <input {...getInputProps(cityGeonameId, { type: 'hidden' })} key={cityGeonameId.key} />
        <p id={`${city.id}-hint`} className="field-hint" aria-live="polite">
          {picked ? t('editor.cityFound', { city: picked }) : t('editor.cityHint')}
        </p>
        <Errors id={city.errorId} errors={city.errors} />
      </div>
      <div className="map-picker-slot">
        {props.renderMapPicker?.({
          lat: toNumber(lat.value),
          lon: toNumber(lon.value),
          countryCode: country,
          onPick: (pickedLat, pickedLon) => {
            setValue(lat.name, pickedLat.toFixed(6))
            setValue(lon.name, pickedLon.toFixed(6))
          },
        })}
      </div>
      <div className="row-2">
        <div className="field">
          <label htmlFor={lat.id}>{t('editor.lat')}</label>
          <input {...getInputProps(lat, { type: 'text' })} key={lat.key} inputMode="decimal" />
          <Errors id={lat.errorId} errors={lat.errors} />
        </div>
        <div className="field">
          <label htmlFor={lon.id}>{t('editor.lon')}</label>
          <input {...getInputProps(lon, { type: 'text' })} key={lon.key} inputMode="decimal" />
          <Errors id={lon.errorId} errors={lon.errors} />
        </div>
      </div>
      <p className="field-hint">{t('editor.coordsHint')}</p>
      {props.children}
    </fieldset>
  )
}
