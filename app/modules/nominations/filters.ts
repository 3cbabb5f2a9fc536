export const reviewedStates = ['submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const

/** The working group's filters, read leniently: anything unrecognised is simply not applied. */
export function readFilters(url: URL) {
  const country = (url.searchParams.get('country') ?? '').toUpperCase()
  const status = url.searchParams.get('status') ?? ''
  const min = Number(url.searchParams.get('min') ?? '')
  return {
    country: /^[A-Z]{2}$/.test(country) ? country : undefined,
    status: (reviewedStates as readonly string[]).includes(status) ? status : undefined,
    minAverage: url.searchParams.get('min') && Number.isFinite(min) && min >= 1 && min <= 5 ? min : undefined,
  }
}
