import { z } from 'zod'

export const DIRECTORY_PAGE_SIZE = 20
export const MAX_PAGE = 500
export const MAX_QUERY_LENGTH = 200

/** The directory's URL parameters. Issues are reported by field, never thrown at the user as a 500. */
export const directoryQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, { message: 'query' })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' '))
    .optional()
    .default(''),
  page: z.coerce
    .number({ message: 'page' })
    .int({ message: 'page' })
    .min(1, { message: 'page' })
    .max(MAX_PAGE, { message: 'page' })
    .optional()
    .default(1),
})

export type DirectoryQuery = z.infer<typeof directoryQuerySchema>

export function parseDirectoryQuery(params: URLSearchParams) {
  const raw = { q: params.get('q') ?? undefined, page: params.get('page') || undefined }
  const result = directoryQuerySchema.safeParse(raw)
  if (result.success) return { ok: true as const, query: result.data }
  const field = result.error.issues[0]?.message === 'query' ? ('q' as const) : ('page' as const)
  return { ok: false as const, field, raw: { q: raw.q ?? '', page: raw.page ?? '' } }
}
