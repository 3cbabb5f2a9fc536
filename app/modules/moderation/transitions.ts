import type { BusinessStatus } from '#db/schema'

/**
 * What a council may do with a listing, by its status. The one table both the screens (which buttons
 * to show) and the server (what to accept) read.
 *   pending → published | returned (reason required)
 *   published → archived; verify / unverify
 *   archived → published (restore) | pending (reopen for another review)
 */
export const MODERATION_ACTIONS = [
  'publish',
  'return',
  'verify',
  'unverify',
  'archive',
  'restore',
  'reopen',
] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

export function isModerationAction(value: unknown): value is ModerationAction {
  return typeof value === 'string' && (MODERATION_ACTIONS as readonly string[]).includes(value)
}

export function allowedActions(status: BusinessStatus, verified: boolean): ModerationAction[] {
  switch (status) {
    case 'pending':
      return ['publish', 'return']
    case 'published':
      return [verified ? 'unverify' : 'verify', 'archive']
    case 'archived':
      return ['restore', 'reopen']
    default:
      return []
  }
}

/** The history.action each moderation action writes. */
export const historyActionOf: Record<ModerationAction, string> = {
  publish: 'published',
  return: 'returned',
  verify: 'verified',
  unverify: 'unverified',
  archive: 'archived',
  restore: 'restored',
  reopen: 'reopened',
}

export const REASON_MAX = 2000
