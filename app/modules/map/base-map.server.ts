import fs from 'node:fs'
import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'
import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'

type Geometry = { type: string; id?: string; properties?: Record<string, unknown> }
type Topology = { type: 'Topology'; objects: { countries: { geometries: Geometry[] } } } & Record<
  string,
  unknown
>

let topology: Topology | null = null

/** Natural Earth 1:50m country shapes (world-atlas, TopoJSON), read once. */
export function loadTopology(): Topology {
  if (!topology) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json')
    topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology
  }
  return topology
}

/**
 * The offline base map: world-atlas TopoJSON with each country's ISO alpha-2 code
 * (`a2`) and whether it is in the region (`r`, from the admin-editable countries
 * table). Converted to shapes in the browser by topojson-client: TopoJSON is a third
 * the size of the same GeoJSON.
 */
export async function baseMapTopology(db: Kysely<Database>) {
  const rows = await db.selectFrom('countries').select('code').where('in_region', '=', true).execute()
  const region = new Set(rows.map((r) => r.code.trim()))
  const source = loadTopology()
  const geometries = source.objects.countries.geometries.map((g) => {
    const a2 = g.id ? countries.numericToAlpha2(g.id) : undefined
    return { ...g, properties: { name: g.properties?.name, a2: a2 ?? null, r: a2 ? region.has(a2) : false } }
  })
  return { ...source, objects: { ...source.objects, countries: { ...source.objects.countries, geometries } } }
}
