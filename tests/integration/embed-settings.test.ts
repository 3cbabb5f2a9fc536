import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { embedFrameAncestors, getSettings, normaliseOrigin } from '~/modules/settings/settings.server'
import * as settingsRoute from '~/routes/admin/settings'
import { loader as embedLoader } from '~/routes/embed'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

describe('embed policy helpers', () => {
  it('accepts only bare origins and turns a policy into frame-ancestors', () => {
    expect(normaliseOrigin(' https://Council.example.jp/ ')).toBe('https://council.example.jp')
    expect(normaliseOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    for (const bad of [
      'council.jp',
      'https://a.jp/path',
      'javascript:alert(1)',
      'https://*.jp',
      'https://u:p@a.jp',
      '',
    ])
      expect(normaliseOrigin(bad)).toBeNull()
    expect(embedFrameAncestors({ mode: 'none', origins: ['https://a.jp'] })).toBe("'self'")
    expect(embedFrameAncestors({ mode: 'allowlist', origins: ['https://a.jp', 'https://b.kr'] })).toBe(
      "'self' https://a.jp https://b.kr",
    )
    expect(embedFrameAncestors({ mode: 'allowlist', origins: [] })).toBe("'self'")
    expect(embedFrameAncestors({ mode: 'any', origins: [] })).toBe('*')
  })
})

describe.each(testDatabases())('site settings and the embedded map on $name', ({ open }) => {
  let db: Kysely<Database>
  let admin: Jar
  let coordinator: Jar
  beforeAll(async () => {
    db = await open()
    setDb(db)
    admin = await sessionFor(await createUser(db, 'set-admin', ['admin']))
    coordinator = await sessionFor(await createUser(db, 'set-jp', ['council_coordinator'], 'JP'))
    const consent = new Date('2026-01-01T00:00:00Z').toISOString()
    const rows = await db
      .insertInto('businesses')
      .values([
        {
          name_ru: 'Токийский мост',
          country_code: 'JP',
          city: 'Tokyo',
          lat: 35.6,
          lon: 139.7,
          consent_at: consent,
          status: 'published',
          published_at: consent,
        },
        {
          name_ru: 'Сеульская заявка',
          country_code: 'KR',
          city: 'Seoul',
          lat: 37.5,
          lon: 127,
          consent_at: consent,
          status: 'published',
          published_at: consent,
        },
        {
          name_ru: 'Черновик',
          country_code: 'JP',
          city: 'Tokyo',
          lat: 35.6,
          lon: 139.7,
          consent_at: consent,
          status: 'pending',
        },
      ])
      .returning('id')
      .execute()
    await onBusinessesChanged(
      db,
      rows.map((r) => r.id),
    )
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('lets only administrators read or change the settings', async () => {
    for (const jar of [coordinator, undefined]) {
      const page = await run(settingsRoute.loader as never, '/admin/settings', { jar })
      expect([302, 403]).toContain(page.status)
      const post = await run(settingsRoute.action as never, '/admin/settings', {
        jar,
        form: { mode: 'any', origins: '', months: '24' },
      })
      expect([302, 403]).toContain(post.status)
    }
    expect((await getSettings(db)).embedPolicy.mode).toBe('none')
  })

  it('refuses addresses that are not sites, in the admin’s language, keeping what was typed', async () => {
    const typed = 'https://council.example.jp\ncouncil.kr/page'
    const outcome = await run(settingsRoute.action as never, '/admin/settings', {
      jar: admin,
      locale: 'en',
      form: { mode: 'allowlist', origins: typed, months: '24' },
    })
    expect(outcome.status).toBe(400)
    const body = outcome.data as { errors: string[]; values: { origins: string } }
    expect(body.errors.join(' ')).toMatch(/not site addresses: council\.kr\/page/)
    expect(body.values.origins.replaceAll('\r\n', '\n')).toBe(typed)
    const months = await run(settingsRoute.action as never, '/admin/settings', {
      jar: admin,
      form: { mode: 'none', origins: '', months: '0' },
    })
    expect(months.status).toBe(400)
    expect((months.data as { errors: string[] }).errors.join(' ')).toMatch(/от 1 до 120/)
    expect((await getSettings(db)).embedPolicy).toEqual({ mode: 'none', origins: [] })
  })

  it('saves the allowlist and the verification period', async () => {
    const outcome = await run(settingsRoute.action as never, '/admin/settings', {
      jar: admin,
      form: {
        mode: 'allowlist',
        origins: 'https://council.example.jp/\nhttps://council.example.jp\nhttp://127.0.0.1:4000',
        months: '36',
      },
    })
    expect(outcome.status).toBe(302)
    const settings = await getSettings(db)
    expect(settings.embedPolicy).toEqual({
      mode: 'allowlist',
      origins: ['https://council.example.jp', 'http://127.0.0.1:4000'],
    })
    expect(settings.verificationValidityMonths).toBe(36)
  })

  it('shows the public search in the embed, in the language its code asks for', async () => {
    const outcome = await run(embedLoader as never, '/embed?country=JP&lang=en', { jar: admin })
    const body = outcome.data as { title: string; result: { total: number; hits: { name: string }[] } }
    // Public even for a signed-in administrator: the pending listing is not shown.
    expect(body.result.total).toBe(1)
    expect(body.title).toBe('Russian Business Map')
    const bad = await run(embedLoader as never, '/embed?page=-1')
    expect((bad.data as { error: string | null }).error).toBeTruthy()
  })
})
