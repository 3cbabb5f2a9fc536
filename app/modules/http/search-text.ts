// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g

/**
 * A typed search box's text for a LIKE query: control characters dropped (PostgreSQL refuses a NUL
 * in text, which was a 500), trimmed, at most `max` characters.
 */
export function searchText(value: string | null, max: number) {
  return (value ?? '').replace(CONTROL, ' ').trim().slice(0, max)
}
