import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/_index.tsx'),
  route('businesses/:id', 'routes/businesses.$id.tsx'),
  route('set-locale', 'routes/set-locale.ts'),
  route('api/v1/businesses', 'routes/api.v1.businesses.ts'),
  route('api/v1/businesses/:id', 'routes/api.v1.businesses.$id.ts'),
  route('api/v1/openapi.json', 'routes/api.v1.openapi[.]json.ts'),
  route('api/v1/search/health', 'routes/api.v1.search.health.ts'),
  route('api/v1/search/suggest', 'routes/api.v1.search.suggest.ts'),
  route('*', 'routes/$.tsx'),
] satisfies RouteConfig
