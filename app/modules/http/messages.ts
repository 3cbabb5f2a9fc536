/** Answers to requests that are malformed before any route looks at them. */
export const httpMessagesRu = {
  'error.controlCharacters':
    'В форме есть недопустимые символы: управляющие (например, нулевой байт) или испорченные при кодировании (�). Уберите их и отправьте форму снова.',
  'error.unexpectedFile': 'Эта форма не принимает файлы. Заполните поля и отправьте форму снова.',
} as const

export const httpMessagesEn: Record<keyof typeof httpMessagesRu, string> = {
  'error.controlCharacters':
    'The form contains characters that are not allowed: control characters (such as a NUL byte) or ones broken in encoding (�). Remove them and submit again.',
  'error.unexpectedFile': 'This form does not take files. Fill in the fields and submit again.',
}
