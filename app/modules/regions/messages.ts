export const regionsMessagesRu = {
  'nav.regions': 'Регионы России',
  'regions.title': 'Регионы России',
  'regions.intro':
    'Компании соотечественников, которые ищут сотрудничества с регионами России. Выберите регион, чтобы увидеть эти компании на карте и списком, по странам и отраслям.',
  'regions.featured': 'Москва и Санкт-Петербург',
  'regions.districtTotal': 'компаний: {n}',
  'regions.none': 'пока нет',
  'regions.notFound': 'Такого региона России нет. Выберите регион из списка.',
  'regions.back': '← Все регионы России',
  'regions.lead': 'Компании соотечественников, которые ищут сотрудничества с этим регионом',
  'regions.summary.countries': 'По странам',
  'regions.summary.sectors': 'По отраслям',
  'regions.summary.label': 'Сводка по региону',
}

export const regionsMessagesEn: Record<keyof typeof regionsMessagesRu, string> = {
  'nav.regions': 'Russian regions',
  'regions.title': 'Russian regions',
  'regions.intro':
    "Compatriots' businesses seeking cooperation with Russia's regions. Pick a region to see those businesses on the map and as a list, by country and sector.",
  'regions.featured': 'Moscow and Saint Petersburg',
  'regions.districtTotal': 'businesses: {n}',
  'regions.none': 'none yet',
  'regions.notFound': 'There is no such Russian region. Pick one from the list.',
  'regions.back': '← All Russian regions',
  'regions.lead': 'Compatriot businesses seeking cooperation with this region',
  'regions.summary.countries': 'By country',
  'regions.summary.sectors': 'By sector',
  'regions.summary.label': 'Region summary',
}
