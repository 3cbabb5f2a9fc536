import { data } from 'react-router'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'

// Tab and line breaks are text; every other C0 control and DEL is not, and PostgreSQL cannot even
// store NUL in a text column (it would be a 500 deep in a write). U+FFFD is what a decoder leaves of
// invalid UTF-8 or a lone surrogate: the text was broken on the way, so it is not stored either.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/

/**
 * The posted form, or a 400 (never a 500) when the body is not a form at all or a field holds
 * control characters, or a file. One check here covers every form of the app.
 */
export async function readForm(request: Request, message = 'Bad request'): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw data(message, { status: 400 })
  }
  for (const [key, value] of form) {
    // No form read here takes a file (the import upload reads its own body): a file in place of a
    // field would otherwise be skipped, and the field's default used as if it had been chosen.
    if (typeof value !== 'string') {
      throw data(makeTranslator(await getLocale(request))('error.unexpectedFile'), { status: 400 })
    }
    if (CONTROL.test(key) || CONTROL.test(value)) {
      throw data(makeTranslator(await getLocale(request))('error.controlCharacters'), { status: 400 })
    }
  }
  return form
}
