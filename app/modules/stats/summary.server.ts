import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import {
  growthByMonth,
  listingsByCooperationKind,
  listingsByCountry,
  listingsByRegionOfInterest,
  listingsBySector,
  moderationSpeed,
} from './stats.server'

/** What the statistics page shows: the public summary, or the working group's full view. */
export async function statisticsFor(db: Kysely<Database>, staff: boolean) {
  const [countries, sectors, cooperation, growth, regions, speed] = await Promise.all([
    listingsByCountry(db),
    listingsBySector(db),
    listingsByCooperationKind(db),
    growthByMonth(db, 24),
    staff ? listingsByRegionOfInterest(db) : Promise.resolve(null),
    staff ? moderationSpeed(db) : Promise.resolve(null),
  ])
  return {
    staff,
    // The public sees published listings only: no pipeline figures.
    countries: staff
      ? countries
      : countries
          .filter((c) => c.published > 0)
          .map(({ code, published, verified }) => ({ code, published, verified })),
    sectors,
    cooperation,
    growth,
    regions,
    speed,
    totalPublished: countries.reduce((sum, c) => sum + c.published, 0),
  }
}
