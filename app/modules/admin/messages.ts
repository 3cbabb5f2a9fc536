/** The admin area: users and roles, councils, countries of the region, sectors. */
export const adminMessagesRu = {
  'nav.admin': 'Администрирование',
} as const

export const adminMessagesEn: Record<keyof typeof adminMessagesRu, string> = {
  'nav.admin': 'Administration',
}
