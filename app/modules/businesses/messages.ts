/** The listing editor and "My businesses". */
export const businessesMessagesRu = {
  'my.title': 'Мои компании',
} as const

export const businessesMessagesEn: Record<keyof typeof businessesMessagesRu, string> = {
  'my.title': 'My businesses',
}
