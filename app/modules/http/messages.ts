/**
 * Answers to requests refused before any route looks at them: malformed forms, and the request guards
 * (CSRF, rate limits, body size).
 */
export const httpMessagesRu = {
  'error.controlCharacters':
    'В форме есть недопустимые символы: управляющие (например, нулевой байт) или испорченные при кодировании (�). Уберите их и отправьте форму снова.',
  'error.unexpectedFile': 'Эта форма не принимает файлы. Заполните поля и отправьте форму снова.',
  'http.csrf':
    'Запрос отклонён: он отправлен с другого сайта. Откройте страницу на нашем сайте и отправьте форму ещё раз.',
  'http.rateLimited': 'Слишком много запросов. Подождите {seconds} с и попробуйте снова.',
  'http.tooLarge': 'Запрос слишком большой: можно не больше {mb} МБ.',
  'http.lengthRequired': 'Не указан размер запроса (Content-Length).',
} as const

export const httpMessagesEn: Record<keyof typeof httpMessagesRu, string> = {
  'error.controlCharacters':
    'The form contains characters that are not allowed: control characters (such as a NUL byte) or ones broken in encoding (�). Remove them and submit again.',
  'error.unexpectedFile': 'This form does not take files. Fill in the fields and submit again.',
  'http.csrf':
    'Request refused: it was sent from another site. Open the page on our site and submit the form again.',
  'http.rateLimited': 'Too many requests. Wait {seconds} s and try again.',
  'http.tooLarge': 'The request is too large: at most {mb} MB.',
  'http.lengthRequired': 'The request does not say its size (Content-Length).',
}
