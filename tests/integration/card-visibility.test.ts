import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import * as home from '~/routes/_index'
import * as card from '~/routes/businesses.$id'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

type CardData = { card: { status: string; phone: string | null; email: string | null } }

describe.each(testDatabases())('who sees an unpublished card and hidden contacts on $name', ({ open }) => {
  let db: Kysely<Database>
  let pendingId: number
  let publishedId: number
  const jars: Record<string, Jar> = {}

  beforeAll(async () => {
    db = await open()
    setDb(db)
    const emails = {
      owner: await createUser(db, 'owner', ['entrepreneur']),
      other: await createUser(db, 'other', ['entrepreneur']),
      wg: await createUser(db, 'wg', ['wg_member']),
      councilJp: await createUser(db, 'council-jp', ['council_coordinator'], 'JP'),
      councilCn: await createUser(db, 'council-cn', ['council_coordinator'], 'CN'),
    }
    for (const [who, email] of Object.entries(emails)) jars[who] = await sessionFor(email)
    const base = {
      country_code: 'JP',
      city: 'Tokyo',
      lat: 35.68,
      lon: 139.69,
      consent_at: new Date().toISOString(),
      phone: '+81312345678',
      email: 'hidden@example.org',
      public_phone: false,
      public_email: false,
      owner_id: 'owner',
    }
    pendingId = (
      await db
        .insertInto('businesses')
        .values({ ...base, name_ru: 'Ждёт проверки', status: 'pending' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    publishedId = (
      await db
        .insertInto('businesses')
        .values({
          ...base,
          name_ru: 'Опубликована',
          status: 'published',
          published_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await onBusinessesChanged(db, [pendingId, publishedId])
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  const open_ = (id: number, jar?: Jar) =>
    run(card.loader, `/businesses/${id}`, { jar, params: { id: String(id) } })

  it('shows a pending listing to its owner, its council and the working group only', async () => {
    expect((await open_(pendingId)).status).toBe(404)
    expect((await open_(pendingId, jars.other)).status).toBe(404)
    expect((await open_(pendingId, jars.councilCn)).status).toBe(404)
    for (const who of ['owner', 'councilJp', 'wg']) {
      const outcome = await open_(pendingId, jars[who])
      expect(outcome.status, who).toBe(200)
      expect((outcome.data as CardData).card.status).toBe('pending')
    }
  })

  it('shows hidden contacts to the owner, council and working group, never to the public', async () => {
    const publicCard = (await open_(publishedId)).data as CardData
    expect(publicCard.card).toMatchObject({ phone: null, email: null })
    const otherCard = (await open_(publishedId, jars.other)).data as CardData
    expect(otherCard.card.phone).toBeNull()
    for (const who of ['owner', 'councilJp', 'wg']) {
      const data = (await open_(publishedId, jars[who])).data as CardData
      expect(data.card.phone, who).toBe('+81312345678')
    }
  })

  it('lets the working group, not the public, find pending listings in search', async () => {
    const publicResult = (await run(home.loader, '/?q=проверки')).data as { result: { total: number } }
    expect(publicResult.result.total).toBe(0)
    const wgResult = (await run(home.loader, '/?q=проверки', { jar: jars.wg })).data as {
      result: { total: number }
    }
    expect(wgResult.result.total).toBe(1)
  })
})
