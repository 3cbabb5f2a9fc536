/**
 * The `token` of a signed link's POST: from the form when the page's button sent one, else from the
 * URL (RFC 8058 one-click clients put it there and may send a body that is not a form).
 */
export async function tokenFromPost(request: Request): Promise<string> {
  let token = new URL(request.url).searchParams.get('token') ?? ''
  try {
    const fromForm = (await request.formData()).get('token')
    if (typeof fromForm === 'string' && fromForm) token = fromForm
  } catch {
    // Not a form body: the token in the URL still counts.
  }
  return token
}
