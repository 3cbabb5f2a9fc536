import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/schema'
import { facetIndexFor } from '~/modules/search/facet-index.server'
import { emptyFilters } from '~/modules/search/params'
import { testDatabases } from '../support/databases'
import { publishListing } from '../support/listings'

const noFilters = emptyFilters()

describe.each(testDatabases())('facet index results on $name', ({ open }) => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await open()
  })
  afterAll(async () => {
    await db.destroy()
  })

  let counter = 0
  const publish = (country: string) => publishListing(db, { name: `Кэш ${++counter}`, country })
  const home = async () =>
    (await facetIndexFor(db)).evaluate({
      audience: 'public',
      textIds: null,
      bbox: null,
      filters: noFilters,
      order: 'newest',
      locale: 'ru',
    })

  it('answers a repeated search without words from memory, frozen, and forgets it when listings change', async () => {
    const first = await publish('JP')
    const before = await home()
    expect(await home()).toBe(before)
    expect(Object.isFrozen(before.ids)).toBe(true)
    expect(before.ids).toContain(first)

    const second = await publish('CN')
    const after = await home()
    expect(after).not.toBe(before)
    expect(after.ids[0]).toBe(second)
    expect(after.facets.country.CN).toBe((before.facets.country.CN ?? 0) + 1)

    // Other filters are other entries.
    const index = await facetIndexFor(db)
    const japan = index.evaluate({
      audience: 'public',
      textIds: null,
      bbox: null,
      filters: { ...noFilters, country: ['JP'] },
      order: 'newest',
      locale: 'ru',
    })
    expect(japan.ids).toContain(first)
    expect(japan.ids).not.toContain(second)
  })
})
