export const seoMessagesRu = {
  'seo.listingSummary': 'Компания соотечественников: {place}. {sectors}',
  'seo.siteSummary':
    'Компании российских соотечественников в Азиатско-Тихоокеанском регионе на карте: поиск по странам, отраслям и регионам России.',
  'seo.regionSummary': 'Компании соотечественников, которые ищут сотрудничества с регионом «{region}»: {n}.',
}

export const seoMessagesEn: Record<keyof typeof seoMessagesRu, string> = {
  'seo.listingSummary': "A compatriots' business: {place}. {sectors}",
  'seo.siteSummary':
    "Russian compatriots' businesses across the Asia-Pacific on a map: search by country, sector and Russian region.",
  'seo.regionSummary': "Compatriots' businesses seeking cooperation with {region}: {n}.",
}
