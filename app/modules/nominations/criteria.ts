/** The working group's review criteria, each scored 1–5 (shared by the server and the review form). */
export const criteria = ['relevance', 'potential', 'readiness'] as const
export type Criterion = (typeof criteria)[number]
export type Scores = Record<Criterion, number>
