const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text (listing names, people's own words) made safe to put in a mail's HTML. */
export function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (ch) => escapes[ch] as string)
}

/** A link in a mail's HTML, its address and label escaped. */
export function htmlLink(url: string, label: string) {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`
}
