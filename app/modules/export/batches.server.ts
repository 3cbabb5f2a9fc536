/**
 * Reads a large result in keyset-paginated batches: constant memory, and on the
 * single-session PGlite other requests get their turn between batches instead of
 * waiting for one long export to finish.
 */
export async function* inBatches<Row>(
  fetchAfter: (last: Row | null, limit: number) => Promise<Row[]>,
  batchSize = 1000,
): AsyncGenerator<Row> {
  let last: Row | null = null
  for (;;) {
    const batch = await fetchAfter(last, batchSize)
    for (const row of batch) yield row
    if (batch.length < batchSize) return
    last = batch[batch.length - 1] ?? null
  }
}
