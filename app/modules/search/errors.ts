import type { Translator } from '~/modules/i18n/translate'
import { MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_VALUES, type ParamIssue } from './params'

/** A message in the viewer's language for each bad parameter, keyed by the parameter's name. */
export function describeIssues(t: Translator, issues: ParamIssue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { param, reason } of issues) {
    if (param === 'q') out.q = t('validation.query', { max: MAX_QUERY_LENGTH })
    else if (param === 'page') out.page = t('validation.page', { max: MAX_PAGE })
    else if (param === 'perPage') out.perPage = t('search.error.perPage', { max: MAX_PER_PAGE })
    else if (param === 'bbox') out.bbox = t('search.error.bbox')
    else if (reason === 'tooMany') out[param] = t('search.error.tooMany', { param, max: MAX_VALUES })
    else out[param] = t('search.error.invalid', { param })
  }
  return out
}
