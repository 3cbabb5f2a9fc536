export const settingsMessagesRu = {
  'admin.nav.settings': 'Настройки',
  'settings.title': 'Настройки сайта',
  'settings.embed.legend': 'Встраивание карты на другие сайты',
  'settings.embed.help':
    'Советы могут показать карту и список своих компаний на своём сайте (страница /embed в iframe). Остальные страницы никогда не встраиваются.',
  'settings.embed.none': 'Запрещено всем сайтам',
  'settings.embed.allowlist': 'Разрешено только сайтам из списка',
  'settings.embed.any': 'Разрешено любому сайту',
  'settings.embed.origins': 'Сайты, по одному в строке (например, https://sootechestvenniki.jp)',
  'settings.embed.badOrigins':
    'Это не адреса сайтов: {lines}. Укажите протокол и домен, без пути: https://example.org',
  'settings.embed.emptyAllowlist': 'Добавьте хотя бы один сайт или выберите другой режим.',
  'settings.verification.legend': 'Проверка советом',
  'settings.verification.months': 'Срок действия проверки, месяцев',
  'settings.verification.bad': 'Срок действия — целое число месяцев от 1 до 120.',
}

export const settingsMessagesEn: Record<keyof typeof settingsMessagesRu, string> = {
  'admin.nav.settings': 'Settings',
  'settings.title': 'Site settings',
  'settings.embed.legend': 'Embedding the map in other sites',
  'settings.embed.help':
    'Councils can show the map and list of their businesses on their own site (the /embed page in an iframe). No other page can ever be embedded.',
  'settings.embed.none': 'Forbidden for every site',
  'settings.embed.allowlist': 'Allowed for the listed sites only',
  'settings.embed.any': 'Allowed for any site',
  'settings.embed.origins': 'Sites, one per line (for example https://compatriots.jp)',
  'settings.embed.badOrigins':
    'These are not site addresses: {lines}. Give the scheme and domain, no path: https://example.org',
  'settings.embed.emptyAllowlist': 'Add at least one site or choose another mode.',
  'settings.verification.legend': 'Council verification',
  'settings.verification.months': 'A verification lasts, months',
  'settings.verification.bad': 'The period is a whole number of months from 1 to 120.',
}
