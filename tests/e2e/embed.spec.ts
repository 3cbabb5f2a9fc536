import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type Page, test } from '@playwright/test'
import { signIn } from './support/sign-in'

/** A council's own site: another origin (another port) with our embed code and, for contrast, our home page. */
function councilSite(appOrigin: string, embedSrc: string, port = 0) {
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Совет соотечественников</title></head>
<body><h1>Совет соотечественников в Японии</h1>
${embedSrc}
<iframe id="home" name="home" src="${appOrigin}/" title="home" width="800" height="300"></iframe>
</body></html>`
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  return new Promise<http.Server>((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

test('a council embeds its map on its own site; every other page refuses to be framed', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin
  // The council site's port is known only once it listens: the admin allows that origin.
  const placeholder = await councilSite(appOrigin, '')
  const port = (placeholder.address() as AddressInfo).port
  placeholder.close()

  await signIn(page, 'admin@demo.example.org')
  await page.goto('/admin/settings')
  await page.getByLabel('Разрешено только сайтам из списка').check()
  await page.getByLabel(/Сайты, по одному в строке/).fill(`http://127.0.0.1:${port}/path-is-refused`)
  await page.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByRole('alert')).toContainText('Это не адреса сайтов')
  await expect(page.getByLabel(/Сайты, по одному в строке/)).toHaveValue(
    `http://127.0.0.1:${port}/path-is-refused`,
  )
  await page.getByLabel(/Сайты, по одному в строке/).fill(`http://127.0.0.1:${port}`)
  await page.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByText('Сохранено.')).toBeVisible()

  // The coordinator copies the code for Japan's listings from the search page.
  await page.goto('/?country=JP')
  await page.getByText('Встроить на свой сайт').click()
  await page.getByLabel('Язык').selectOption('en')
  const code = await page.getByLabel('Код для вставки').inputValue()
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\?country=JP&amp;lang=en" title="/)

  // Back on the port the administrator allowed (a second listen(0) would pick another one).
  const site = await councilSite(appOrigin, code.replace('<iframe ', '<iframe id="embed" '), port)
  try {
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
    expect(siteUrl).toBe(`http://127.0.0.1:${port}/`)
    const embedResponse = await page.request.get(`${appOrigin}/embed?country=JP`)
    expect(embedResponse.headers()['content-security-policy']).toContain(
      `frame-ancestors 'self' http://127.0.0.1:${port}`,
    )
    const homeResponse = await page.request.get(`${appOrigin}/`)
    expect(homeResponse.headers()['content-security-policy']).toContain("frame-ancestors 'none'")

    await page.goto(siteUrl)
    const embed = page.frameLocator('#embed')
    await expect(embed.locator('.business-list > li').first()).toBeVisible()
    await expect(embed.locator('.result-count')).toContainText('business')
    await expect(embed.locator('.site-header')).toHaveCount(0)
    await expect(embed.locator('.map-canvas')).toBeVisible()
    // A card opens outside the frame (cards may not be framed).
    await expect(embed.locator('.business-list > li h2 a').first()).toHaveAttribute('target', '_blank')
    // The home page in the other iframe was refused: no page of ours rendered there.
    await expect(page.frameLocator('#home').locator('.site-header')).toHaveCount(0)
    const homeFrame = page.frames().find((f) => f.name() === 'home')
    expect(homeFrame?.url()).not.toBe(`${appOrigin}/`)
  } finally {
    site.close()
  }
})
