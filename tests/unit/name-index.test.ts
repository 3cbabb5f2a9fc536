import { faker } from '@faker-js/faker'
import { describe, expect, it } from 'vitest'
import { NameIndex } from '~/modules/duplicates/name-index'
import {
  keysOf,
  type ListingNames,
  listingSimilarity,
  MATCH_THRESHOLD,
} from '~/modules/duplicates/name-match'

// Names made of a few shared parts, so that many are near each other: the hard case for a filter.
const parts = [
  'Сакура',
  'Трейд',
  'Логистик',
  'Байкал',
  'Нева',
  'Sakura',
  'Trade',
  'Logistics',
  'Fuji',
  'Tokyo',
]
const local = [
  '株式会社さくら',
  'サクラトレード',
  '长江贸易',
  '長江貿易有限公司',
  'บริษัท สยาม',
  '한국무역',
  'さくら',
]

function randomListing(f: typeof faker): ListingNames {
  const word = () => f.helpers.arrayElement(parts)
  const typo = (s: string) =>
    f.datatype.boolean({ probability: 0.3 }) && s.length > 3
      ? s.slice(0, f.number.int({ min: 1, max: s.length - 2 })) +
        s.slice(f.number.int({ min: 2, max: s.length }))
      : s
  const name = () =>
    typo(
      [
        word(),
        f.datatype.boolean() ? word() : '',
        f.datatype.boolean({ probability: 0.3 }) ? String(f.number.int(99)) : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
  return {
    name_ru: f.datatype.boolean({ probability: 0.8 }) ? `ООО «${name()}»` : null,
    name_en: f.datatype.boolean({ probability: 0.7 }) ? `${name()} Co., Ltd.` : null,
    name_local: f.datatype.boolean({ probability: 0.4 }) ? typo(f.helpers.arrayElement(local)) : null,
  }
}

describe('name index', () => {
  it('returns every listing that matches (same as comparing with all), and leaves most others out', () => {
    faker.seed(11)
    const listings = Array.from({ length: 600 }, () => randomListing(faker))
    const index = new NameIndex<number>()
    listings.forEach((l, i) => {
      index.add(i, keysOf(l))
    })
    let returned = 0
    let matches = 0
    for (let q = 0; q < 150; q++) {
      const query = randomListing(faker)
      const keys = keysOf(query)
      const candidates = new Set(index.candidates(keys))
      returned += candidates.size
      listings.forEach((l, i) => {
        if (listingSimilarity(keys, keysOf(l)) >= MATCH_THRESHOLD) {
          matches++
          expect(candidates.has(i), `${JSON.stringify(query)} ~ ${JSON.stringify(l)}`).toBe(true)
        }
      })
    }
    expect(matches).toBeGreaterThan(100)
    // The point of it: far fewer comparisons than all 600 per query.
    expect(returned / 150).toBeLessThan(250)
  })

  it('keeps names told apart only by their number out of each other’s candidates', () => {
    const index = new NameIndex<number>()
    for (let i = 0; i < 500; i++)
      index.add(
        i,
        keysOf({ name_ru: `ООО «Импорт ${i}»`, name_en: `Import ${i} K.K.`, name_local: `株式会社輸入${i}` }),
      )
    index.add(1000, keysOf({ name_ru: 'ООО «Импорт»', name_en: null, name_local: null }))
    const found = index.candidates(
      keysOf({ name_ru: null, name_en: 'Import 42 Co., Ltd.', name_local: null }),
    )
    expect(found).toEqual([42, 1000])
  })

  it('finds one-letter names only by the same letter', () => {
    const index = new NameIndex<string>()
    index.add('a', keysOf({ name_ru: null, name_en: 'A', name_local: null }))
    index.add('ab', keysOf({ name_ru: null, name_en: 'Ab', name_local: null }))
    expect(index.candidates(keysOf({ name_ru: 'А', name_en: null, name_local: null }))).toEqual(['a'])
  })
})
