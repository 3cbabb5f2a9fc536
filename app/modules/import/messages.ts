export const importMessagesRu = {
  'import.error.empty': 'Файл пустой.',
  'import.error.tooLarge': 'Файл больше {max} МБ. Разделите его на части.',
  'import.error.tooManyRows': 'В файле больше {max} строк. Разделите его на части.',
  'import.error.notUtf8':
    'Файл не в кодировке UTF-8. В Excel выберите «Сохранить как» → «CSV UTF-8» или загрузите XLSX.',
  'import.error.binary': 'Это не таблица: загрузите файл CSV (UTF-8) или XLSX.',
  'import.error.unreadable': 'Не удалось прочитать файл. Проверьте, что это CSV (UTF-8) или XLSX.',
  'import.error.noHeader': 'В первой строке нет заголовков столбцов. Возьмите за основу шаблон.',
  'import.error.missingColumn': 'Нет обязательного столбца «{column}».',
  'import.error.unknownColumn': 'Столбец «{column}» не распознан и будет пропущен.',
  'import.error.formula': 'Формулы не допускаются: введите значение как текст.',
  'import.error.yesNo': 'Ожидается «да» или «нет».',
  'import.error.duplicateExternalId': 'Внешний номер «{id}» уже встречался в строке {row}.',
  'import.error.cityUnknown': 'Город не найден в справочнике: укажите широту и долготу.',
} as const

export const importMessagesEn: Record<keyof typeof importMessagesRu, string> = {
  'import.error.empty': 'The file is empty.',
  'import.error.tooLarge': 'The file is larger than {max} MB. Split it into parts.',
  'import.error.tooManyRows': 'The file has more than {max} rows. Split it into parts.',
  'import.error.notUtf8': 'The file is not UTF-8. In Excel choose “Save as” → “CSV UTF-8”, or upload XLSX.',
  'import.error.binary': 'This is not a table: upload a CSV (UTF-8) or XLSX file.',
  'import.error.unreadable': 'The file could not be read. Check that it is CSV (UTF-8) or XLSX.',
  'import.error.noHeader': 'The first row has no column headers. Start from the template.',
  'import.error.missingColumn': 'The required column “{column}” is missing.',
  'import.error.unknownColumn': 'The column “{column}” is not recognised and will be skipped.',
  'import.error.formula': 'Formulas are not allowed: enter the value as text.',
  'import.error.yesNo': 'Expected “yes” or “no”.',
  'import.error.duplicateExternalId': 'External number “{id}” already appears in row {row}.',
  'import.error.cityUnknown': 'The city is not in the gazetteer: give latitude and longitude.',
}
