import { describe, expect, it, vi } from 'vitest'

describe('loader and action timing at debug level', () => {
  it('wraps every route so each loader/action logs its route, pattern, outcome, duration and request id', async () => {
    // The level decides at start-up whether anything is wrapped, so it is set before the modules load.
    process.env.LOG_LEVEL = 'debug'
    ;(globalThis as { __cbmLogger?: unknown }).__cbmLogger = undefined
    vi.resetModules()
    const { logger } = await import('~/modules/observability/logger.server')
    const { instrumentations } = await import('~/entry.server')
    const debug = vi.spyOn(logger, 'debug').mockImplementation(() => undefined)
    type Wrapper = (call: () => Promise<unknown>, info: unknown) => Promise<void>
    let wrappers: Record<string, Wrapper> = {}
    for (const i of instrumentations) {
      i.route?.({
        id: 'routes/businesses.$id',
        index: false,
        path: 'businesses/:id',
        instrument: (w) => {
          wrappers = w as Record<string, Wrapper>
        },
      })
    }
    const info = {
      request: { method: 'GET', url: 'http://localhost/businesses/7?token=x', headers: new Headers() },
      params: { id: '7' },
      pattern: '/businesses/:id',
      context: { requestId: 'req-12345678' },
    }
    await wrappers.loader?.(async () => ({ status: 'success', error: undefined }), info)
    await wrappers.action?.(async () => ({ status: 'error', error: new Error('x') }), info)
    expect(debug).toHaveBeenCalledTimes(2)
    const [fields] = debug.mock.calls[0] as unknown as [Record<string, unknown>]
    expect(fields).toMatchObject({
      reqId: 'req-12345678',
      kind: 'loader',
      route: 'routes/businesses.$id',
      pattern: '/businesses/:id',
      status: 'success',
    })
    expect(typeof fields.ms).toBe('number')
    expect((debug.mock.calls[1] as unknown as [Record<string, unknown>])[0]).toMatchObject({
      kind: 'action',
      status: 'error',
    })
    delete process.env.LOG_LEVEL
  })
})
