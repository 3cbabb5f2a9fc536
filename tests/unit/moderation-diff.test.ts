import { describe, expect, it } from 'vitest'
import { diffSnapshots, displayValue } from '~/modules/moderation/diff'
import { allowedActions } from '~/modules/moderation/transitions'

describe('moderation diff', () => {
  it('shows values as one readable line', () => {
    expect(displayValue(null)).toBe('')
    expect(displayValue(['ru', 'ja'])).toBe('ru, ja')
    expect(displayValue({ telegram: 'x', line: '' })).toBe('telegram: x')
    expect(displayValue(true)).toBe('✓')
    expect(displayValue(35.5)).toBe('35.5')
    expect(displayValue(['G'], (c) => `Торговля (${c})`)).toBe('Торговля (G)')
  })

  it('marks every filled field of a new listing as new, and only real changes of an edited one', () => {
    const after = { name_ru: 'Б', city: 'Осака', sectors: ['G'], keywords: [] }
    const fresh = diffSnapshots(null, after)
    expect(fresh.filter((c) => c.changed).map((c) => c.field)).toEqual(['name_ru', 'sectors', 'city'])
    const edited = diffSnapshots({ ...after, name_ru: 'А', keywords: [] }, after)
    expect(edited.filter((c) => c.changed)).toEqual([
      { field: 'name_ru', before: 'А', after: 'Б', changed: true },
    ])
  })

  it('offers only the transitions of the state', () => {
    expect(allowedActions('pending', false)).toEqual(['publish', 'return'])
    expect(allowedActions('published', false)).toEqual(['verify', 'archive'])
    expect(allowedActions('published', true)).toEqual(['unverify', 'archive'])
    expect(allowedActions('archived', false)).toEqual(['restore', 'reopen'])
    expect(allowedActions('draft', false)).toEqual([])
    expect(allowedActions('returned', false)).toEqual([])
  })
})
