import { describe, expect, it } from 'vitest'
import {
  keysOf,
  listingSimilarity,
  MATCH_THRESHOLD,
  nameKeyOf,
  nameSimilarity,
} from '~/modules/duplicates/name-match'

const similar = (a: string, b: string) => nameSimilarity(nameKeyOf(a), nameKeyOf(b))

describe('name keys', () => {
  it('drop legal forms in every script, quotes, punctuation and case', () => {
    const key = nameKeyOf('Sakura Trade Co., Ltd.')
    for (const name of [
      'SAKURA TRADE',
      '«Sakura Trade» LLC',
      'Sakura Trade Co.,Ltd.',
      'Sakura Trade K.K.',
      'Sakura Trade Inc.',
      'PT Sakura Trade Tbk',
      'Sakura Trade Pte. Ltd.',
      'Sakura Trade Sdn Bhd',
      '"Sakura-Trade" JSC',
    ]) {
      expect(nameKeyOf(name), name).toEqual(key)
    }
    expect(nameKeyOf('ООО «Ромашка»')).toEqual(nameKeyOf('АО "Ромашка"'))
    expect(nameKeyOf('Ромашка')).toEqual(nameKeyOf('ИП Ромашка'))
    expect(nameKeyOf('株式会社さくら商事')).toEqual(nameKeyOf('さくら商事（株）'))
    expect(nameKeyOf('삼성 주식회사')).toEqual(nameKeyOf('(주)삼성'))
    expect(nameKeyOf('บริษัท สยาม จำกัด')).toEqual(nameKeyOf('สยาม'))
    expect(nameKeyOf('Công ty TNHH Phở Việt')).toEqual(nameKeyOf('Pho Viet Co., Ltd.'))
  })

  it('keep a name that is only a legal form, and give nothing for an empty one', () => {
    expect(nameKeyOf('ООО').kind).toBe('latin')
    expect(nameKeyOf('  «» ').kind).toBe('none')
    expect(nameKeyOf(null).kind).toBe('none')
  })
})

describe('matching across scripts', () => {
  it.each([
    ['Сакура Трейд', 'Sakura Trade Co., Ltd.'],
    ['ООО «Сакура Трейд»', 'SAKURA TRADE K.K.'],
    ['Сакура Трейд', 'サクラトレード株式会社'],
    ['Sakura Trade', '사쿠라 트레이드'],
    ['Хабаровский хлеб', 'Khabarovsky Khleb LLC'],
    ['Цветы Сибири', 'Tsvety Sibiri'],
    ['Экспорт Сервис', 'Eksport Servis'],
    ['Ромашка', 'Romashka Co., Ltd.'],
    ['Фо Вьет', 'Công ty TNHH Phở Việt'],
    ['Тойота Цусё Русь', 'Toyota Tsusho Rus'],
    ['Мицуи', 'Mitsui & Co., Ltd.'],
  ])('«%s» ≈ "%s"', (a, b) => {
    expect(similar(a, b)).toBeGreaterThanOrEqual(MATCH_THRESHOLD)
    expect(similar(b, a)).toBe(similar(a, b))
  })

  it.each([
    ['Сакура Трейд', 'Sakura Travel'],
    ['Сакура Трейд', 'Fuji Trade Co., Ltd.'],
    ['Ромашка', 'Romanov'],
    ['Ай', 'Ао'],
    ['Байкал Логистик', 'Baikal Tour'],
    ['Sakura Trade', '桜貿易株式会社'],
    ['Компания 1', 'Компания 2'],
    ['Филиал 22', 'Branch 2'],
    ['株式会社輸入支店1234', '輸入支店1235'],
  ])('«%s» is not "%s"', (a, b) => {
    expect(similar(a, b)).toBeLessThan(MATCH_THRESHOLD)
  })

  it('compares Han and Thai names with each other, Traditional and Simplified alike', () => {
    expect(similar('北京贸易有限公司', '北京貿易')).toBeGreaterThanOrEqual(MATCH_THRESHOLD)
    expect(similar('株式会社桜貿易', '桜貿易（株）')).toBe(1)
    expect(similar('บริษัท สยาม เทรด จำกัด', 'สยามเทรด')).toBe(1)
    expect(similar('北京贸易', '上海银行')).toBe(0)
  })

  it('matches a listing on any of its names: the local name against the other listing’s local name', () => {
    const existing = keysOf({ name_ru: null, name_en: 'Sakura Boeki', name_local: '桜貿易株式会社' })
    const typed = keysOf({ name_ru: 'Сакура', name_en: null, name_local: '桜貿易' })
    expect(listingSimilarity(typed, existing)).toBe(1)
    const other = keysOf({ name_ru: 'Сакура Трейд', name_en: null, name_local: null })
    expect(
      listingSimilarity(other, keysOf({ name_ru: null, name_en: 'Sakura Trade', name_local: null })),
    ).toBeGreaterThanOrEqual(MATCH_THRESHOLD)
  })
})
