import { redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { verifyEmail } from '~/modules/accounts/accounts.server'
import type { Route } from './+types/verify-email'

/** The link from the confirmation e-mail: confirm, then send the person to sign in (the token leaves the URL). */
export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const ok = await verifyEmail(await getDb(), token)
  return redirect(`/sign-in?notice=${ok ? 'verified' : 'verify_failed'}`)
}
