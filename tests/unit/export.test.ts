import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { inBatches } from '~/modules/export/batches.server'
import { neutralizeFormula } from '~/modules/export/cells'
import type { ExportColumn } from '~/modules/export/columns'
import { csvStream } from '~/modules/export/csv.server'
import { contentDisposition, exportFilename } from '~/modules/export/filename'
import { xlsxStream } from '~/modules/export/xlsx.server'

type Row = {
  id: number
  name: string
  local: string
  country: string
  founded: number | null
  verified: boolean
}

const columns: ExportColumn<Row>[] = [
  { key: 'id', header: { ru: 'Номер', en: 'ID' }, type: 'number', value: (r) => r.id },
  { key: 'name', header: { ru: 'Название', en: 'Name' }, type: 'string', value: (r) => r.name },
  {
    key: 'local',
    header: { ru: 'Местное название', en: 'Local name' },
    type: 'string',
    value: (r) => r.local,
  },
  { key: 'founded', header: { ru: 'Год основания', en: 'Founded' }, type: 'number', value: (r) => r.founded },
  { key: 'verified', header: { ru: 'Проверено', en: 'Verified' }, type: 'boolean', value: (r) => r.verified },
]

const rows: Row[] = [
  {
    id: 1,
    name: 'ООО «Сакура; Логистик»',
    local: '株式会社桜物流',
    country: 'JP',
    founded: 2001,
    verified: true,
  },
  {
    id: 2,
    name: '=HYPERLINK("http://evil.example","click")',
    local: '+cmd',
    country: 'JP',
    founded: null,
    verified: false,
  },
  {
    id: 3,
    name: 'Line\nbreak "quoted"',
    local: '长江贸易有限公司',
    country: 'CN',
    founded: 1999,
    verified: false,
  },
]

async function* source() {
  for (const row of rows) yield row
}

async function bytes(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer())
}

describe('formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (v) => {
    expect(neutralizeFormula(v)).toBe(`'${v}`)
  })
  it('keeps ordinary text', () => {
    expect(neutralizeFormula('Sakura = trade')).toBe('Sakura = trade')
  })
})

describe('CSV export', () => {
  it('starts with a BOM, has the header in the viewer language and neutralises formulas', async () => {
    const buffer = await bytes(csvStream(source(), columns, { locale: 'ru', delimiter: ',' }))
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buffer.subarray(3).toString('utf8')
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('Номер,Название,Местное название,Год основания,Проверено')
    expect(lines[1]).toBe('1,ООО «Сакура; Логистик»,株式会社桜物流,2001,1')
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(text).toContain("'+cmd")
    expect(text).toContain('"Line\nbreak ""quoted"""')
  })

  it('writes semicolon-separated CSV with English headers', async () => {
    const text = (await bytes(csvStream(source(), columns, { locale: 'en', delimiter: ';' }))).toString(
      'utf8',
    )
    expect(text.split('\r\n')[0]).toBe('\ufeffID;Name;Local name;Founded;Verified')
    expect(text).toContain('1;"ООО «Сакура; Логистик»";株式会社桜物流;2001;1')
  })

  it('writes a long export in chunks with one BOM, one header and every row in order', async () => {
    async function* many() {
      for (let id = 1; id <= 1000; id++) yield { ...(rows[id % 3] as Row), id }
    }
    const buffer = await bytes(csvStream(many(), columns, { locale: 'en', delimiter: ',' }))
    const parsed = parse(buffer, { bom: true, columns: true }) as Record<string, string>[]
    expect(buffer.indexOf(Buffer.from([0xef, 0xbb, 0xbf]), 1)).toBe(-1)
    expect(parsed.map((r) => Number(r.ID))).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
    expect(parsed[1]?.Name).toBe('Line\nbreak "quoted"')
  })

  it('writes only the header for an empty export', async () => {
    async function* none(): AsyncGenerator<Row> {}
    const text = (await bytes(csvStream(none(), columns, { locale: 'en', delimiter: ',' }))).toString('utf8')
    expect(text).toBe('\ufeffID,Name,Local name,Founded,Verified\r\n')
  })
})

describe('XLSX export', () => {
  it('writes typed cells, a frozen header, an autofilter and no formulas', async () => {
    const buffer = await bytes(xlsxStream(source(), columns, { locale: 'ru', sheetName: 'Компании' }))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(buffer as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet?.name).toBe('Компании')
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Номер',
      'Название',
      'Местное название',
      'Год основания',
      'Проверено',
    ])
    expect(sheet?.getCell('A2').value).toBe(1)
    expect(sheet?.getCell('D2').value).toBe(2001)
    expect(sheet?.getCell('E2').value).toBe(true)
    expect(sheet?.getCell('C2').value).toBe('株式会社桜物流')
    expect(sheet?.getCell('B3').value).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(sheet?.getCell('B3').formula).toBeUndefined()
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet?.autoFilter).toBeTruthy()
    expect(sheet?.rowCount).toBe(4)
  })

  it('writes one sheet per country when asked', async () => {
    const buffer = await bytes(
      xlsxStream(source(), columns, { locale: 'en', sheetName: 'All', splitBy: (r) => r.country }),
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(buffer as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['JP', 3],
      ['CN', 2],
    ])
  })
})

describe('export helpers', () => {
  it('reads in keyset batches until a short batch', async () => {
    const data = Array.from({ length: 25 }, (_, i) => ({ id: i + 1 }))
    const calls: (number | null)[] = []
    const seen: number[] = []
    for await (const row of inBatches<{ id: number }>(async (last, limit) => {
      calls.push(last?.id ?? null)
      return data.filter((d) => d.id > (last?.id ?? 0)).slice(0, limit)
    }, 10)) {
      seen.push(row.id)
    }
    expect(seen).toHaveLength(25)
    expect(calls).toEqual([null, 10, 20])
  })

  it('names files by date and filters, ASCII only, and quotes them safely', () => {
    expect(
      exportFilename('businesses', new Date('2026-11-25T10:00:00Z'), ['JP', 'Transport & logistics'], 'csv'),
    ).toBe('businesses-2026-11-25-jp-transport-logistics.csv')
    expect(contentDisposition('карта.csv')).toBe(
      `attachment; filename="_____.csv"; filename*=UTF-8''%D0%BA%D0%B0%D1%80%D1%82%D0%B0.csv`,
    )
  })
})
