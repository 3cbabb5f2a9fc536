/** What the request guards (CSRF, rate limits, body size) say when they refuse a request. */
export const httpMessagesRu = {
  'http.csrf':
    'Запрос отклонён: он отправлен с другого сайта. Откройте страницу на нашем сайте и отправьте форму ещё раз.',
  'http.rateLimited': 'Слишком много запросов. Подождите {seconds} с и попробуйте снова.',
  'http.tooLarge': 'Запрос слишком большой: можно не больше {mb} МБ.',
  'http.lengthRequired': 'Не указан размер запроса (Content-Length).',
} as const

export const httpMessagesEn: Record<keyof typeof httpMessagesRu, string> = {
  'http.csrf':
    'Request refused: it was sent from another site. Open the page on our site and submit the form again.',
  'http.rateLimited': 'Too many requests. Wait {seconds} s and try again.',
  'http.tooLarge': 'The request is too large: at most {mb} MB.',
  'http.lengthRequired': 'The request does not say its size (Content-Length).',
}
