import { useRouteLoaderData } from 'react-router'
import type { TileConfig } from '~/modules/map/tiles.server'

/** The tile server from the root loader (MAP_TILE_URL); null = offline base map alone. */
export function useMapTiles(): TileConfig {
  const data = useRouteLoaderData('root') as { mapTiles?: TileConfig } | undefined
  return data?.mapTiles ?? null
}
