/** Only same-site absolute paths: an open redirect would let a link send users anywhere. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return fallback
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\u0000-\u001f]/.test(value)) return fallback
  return value
}
