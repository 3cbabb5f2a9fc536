import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/_index.tsx'),
  route('businesses/:id', 'routes/businesses.$id.tsx'),
  route('businesses/:id/history', 'routes/businesses.$id.history.tsx'),
  route('moderation', 'routes/moderation/queue.tsx'),
  route('moderation/:id', 'routes/moderation/review.tsx'),
  route('set-locale', 'routes/set-locale.ts'),
  route('sign-up', 'routes/sign-up.tsx'),
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-out', 'routes/sign-out.ts'),
  route('verify-email', 'routes/verify-email.ts'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('account', 'routes/account.tsx'),
  route('admin/outbox', 'routes/admin/outbox.tsx'),
  route('my/listings', 'routes/my/listings.tsx'),
  route('my/listings/new', 'routes/my/listing-new.tsx'),
  route('my/listings/:id', 'routes/my/listing-edit.tsx'),
  route('api/cities', 'routes/api.cities.ts'),
  route('*', 'routes/$.tsx'),
] satisfies RouteConfig
