import { redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { signOut } from '~/modules/accounts/accounts.server'
import type { Route } from './+types/sign-out'

export async function action({ request }: Route.ActionArgs) {
  const headers = await signOut(await getDb(), request)
  return redirect('/', { headers })
}

export function loader() {
  return redirect('/')
}
