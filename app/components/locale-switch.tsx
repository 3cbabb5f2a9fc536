import { Form, useLocation } from 'react-router'
import { useLocale, useT } from '~/modules/i18n/use-translation'

/** A plain POST form, so switching language works before (or without) JavaScript. */
export function LocaleSwitch() {
  const locale = useLocale()
  const t = useT()
  const location = useLocation()
  const target = locale === 'ru' ? 'en' : 'ru'
  return (
    <Form method="post" action="/set-locale" className="locale-switch" reloadDocument>
      <input type="hidden" name="locale" value={target} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" lang={target} aria-label={t('lang.switchLabel')}>
        {t('lang.switchTo')}
      </button>
    </Form>
  )
}
