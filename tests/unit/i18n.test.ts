import { describe, expect, it } from 'vitest'
import { pick } from '~/modules/i18n/locales'
import { en, ru } from '~/modules/i18n/messages'
import { makeTranslator } from '~/modules/i18n/translate'

describe('translations', () => {
  it('has every Russian message in English too, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort())
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe('')
  })

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(ru) as (keyof typeof ru)[])
      expect(names(en[key]), key).toEqual(names(ru[key]))
  })

  it('follows Russian plural rules', () => {
    const t = makeTranslator('ru')
    expect(t.plural('businesses', 1)).toBe('1 компания')
    expect(t.plural('businesses', 3)).toBe('3 компании')
    expect(t.plural('businesses', 11)).toBe('11 компаний')
    expect(t.plural('businesses', 21)).toBe('21 компания')
    expect(t.plural('businesses', 2000)).toBe('2\u00a0000 компаний')
    expect(makeTranslator('en').plural('businesses', 1)).toBe('1 business')
    expect(makeTranslator('en').plural('businesses', 2000)).toBe('2,000 businesses')
  })

  it('interpolates parameters', () => {
    expect(makeTranslator('ru')('pagination.page', { page: 2, pages: 10 })).toBe('Страница 2 из 10')
  })

  it('falls back to the other language when one is missing', () => {
    expect(pick('en', 'Сакура', null)).toBe('Сакура')
    expect(pick('ru', '  ', 'Sakura')).toBe('Sakura')
    expect(pick('ru', null, null)).toBeNull()
  })
})
