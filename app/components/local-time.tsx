import { useEffect, useState } from 'react'
import type { Locale } from '~/modules/i18n/locales'

/** `2027-03-01 00:00 UTC`: what the server renders before the browser knows its zone. */
export function utcText(iso: string) {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

/**
 * An instant in the viewer's own time zone, labelled with the zone. The server cannot know the
 * zone, so it renders UTC; after hydration the browser re-renders it locally.
 */
export function LocalTime({ iso, locale }: { iso: string; locale: Locale }) {
  const [text, setText] = useState(() => utcText(iso))
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const formatted = new Intl.DateTimeFormat(locale, {
      // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(new Date(iso))
    setText(`${formatted} (${zone})`)
  }, [iso, locale])
  return (
    <time dateTime={iso} title={utcText(iso)}>
      {text}
    </time>
  )
}
