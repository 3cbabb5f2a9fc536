import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/_index.tsx'),
  route('businesses/:id', 'routes/businesses.$id.tsx'),
  route('set-locale', 'routes/set-locale.ts'),
  route('api/v1/map', 'routes/api.v1.map.ts'),
  route('map/countries.json', 'routes/map.countries.ts'),
  route('*', 'routes/$.tsx'),
] satisfies RouteConfig
