import { describe, expect, it } from 'vitest'
import { redactSecrets } from '~/modules/mail/mailer.server'

describe('mailer log redaction', () => {
  it('hides one-time tokens in links before anything is logged', () => {
    const text =
      'Open http://localhost:3000/verify-email?token=eyJhbGciOi.abc-DEF_123 now, or /reset-password?x=1&token=s3cr3t.'
    const redacted = redactSecrets(text)
    expect(redacted).not.toContain('eyJhbGciOi')
    expect(redacted).not.toContain('s3cr3t')
    expect(redacted).toContain('/verify-email?token=***')
    expect(redacted).toContain('&token=***')
  })
})
