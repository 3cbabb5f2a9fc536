/**
 * A council's import file for tests: `count` rows of Japanese businesses with seven planted errors,
 * one per row, each in a different column. Kept free of app imports so Playwright can use it too.
 */
export const IMPORT_HEADER = [
  'external_id',
  'name_ru',
  'name_en',
  'name_local',
  'sectors',
  'city',
  'lat',
  'lon',
  'email',
  'phone',
  'regions',
  'cooperation',
  'public_phone',
  'consent',
]

export type PlantedError = { rowNumber: number; column: string }

export function importRows(count: number, prefix = 'jp-imp') {
  const rows: string[][] = []
  for (let i = 1; i <= count; i++) {
    rows.push([
      `${prefix}-${i}`,
      `ООО «Импорт ${prefix} ${i}»`,
      `Import ${prefix} ${i} K.K.`,
      `株式会社${prefix}輸入${i}`,
      i % 2 ? 'G;H' : 'C',
      i % 3 ? 'Tokyo' : 'Осака',
      '',
      '',
      `info${i}@${prefix}.example.jp`,
      '+81 3 1234 5678',
      i % 5 ? 'RU-PRI' : 'RU-PRI;RU-MOW',
      'export_to_russia',
      'нет',
      'да',
    ])
  }
  const col = (name: string) => IMPORT_HEADER.indexOf(name)
  const plant = (index: number, column: string, value: string) => {
    const row = rows[index] as string[]
    row[col(column)] = value
    return { rowNumber: index + 2, column }
  }
  // Small files (other tests) are all valid.
  if (count <= 600) return { rows, planted: [] as PlantedError[] }
  const planted: PlantedError[] = [
    plant(10, 'email', 'not-an-email'),
    plant(100, 'sectors', 'ZZ'),
    plant(200, 'lat', '95'),
    plant(300, 'name_en', '=HYPERLINK("http://evil.example","x")'),
    plant(400, 'consent', 'нет'),
    plant(500, 'city', 'Атлантида'),
    plant(600, 'external_id', `${prefix}-1`),
  ]
  // The point of row 201 needs both coordinates for the latitude to be the only problem.
  ;(rows[200] as string[])[col('lon')] = '139.7'
  return { rows, planted }
}

export function toCsv(rows: string[][], header = IMPORT_HEADER) {
  const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return `\uFEFF${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`
}
