export const embedMessagesRu = {
  'embed.open': 'Встроить на свой сайт',
  'embed.help':
    'Вставьте этот код на страницу своего сайта: посетители увидят карту и список компаний этого поиска. Сайт должен быть разрешён администратором карты.',
  'embed.language': 'Язык',
  'embed.height': 'Высота, пикселей',
  'embed.code': 'Код для вставки',
  'embed.copy': 'Скопировать код',
  'embed.copied': 'Скопировано',
  'embed.preview': 'Посмотреть, как это выглядит',
}

export const embedMessagesEn: Record<keyof typeof embedMessagesRu, string> = {
  'embed.open': 'Embed on your site',
  'embed.help':
    "Paste this code into a page of your site: visitors see the map and the list of this search's businesses. The map's administrator must allow your site.",
  'embed.language': 'Language',
  'embed.height': 'Height, pixels',
  'embed.code': 'Code to paste',
  'embed.copy': 'Copy the code',
  'embed.copied': 'Copied',
  'embed.preview': 'See how it looks',
}
