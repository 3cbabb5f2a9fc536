/** `businesses-2026-11-25-jp-logistics.csv`: the date and a short summary of the filters, ASCII only. */
export function exportFilename(base: string, date: Date, parts: readonly string[], extension: string) {
  const summary = parts
    .map((p) =>
      p
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .slice(0, 4)
    .join('-')
    .slice(0, 60)
  const day = date.toISOString().slice(0, 10)
  return `${[base, day, summary].filter(Boolean).join('-')}.${extension}`
}

/** A Content-Disposition header that survives non-ASCII (RFC 6266 / 5987). */
export function contentDisposition(filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
