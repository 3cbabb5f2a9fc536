import { data } from 'react-router'

/** The posted form, or a 400 (never a 500) when the body is not a form at all. */
export async function readForm(request: Request, message = 'Bad request'): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw data(message, { status: 400 })
  }
}
