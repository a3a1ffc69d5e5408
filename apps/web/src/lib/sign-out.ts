'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { textField } from './form-state';
import { clientContextFrom, gateway } from './gateway';
import { signinPath } from './redirect-target';
import { REFRESH_COOKIE, clearSession, secureCookiesFor } from './session';

// A Server Action, so it only runs on a same-origin POST (Next.js rejects an Origin that differs from
// the Host): a third-party page cannot sign our users out (the CSRF defence for cookie sessions).
// A form may send `next` to have the sign-in page lead back there (switching accounts to accept an
// invitation sent to another address).
export async function signOut(formData?: FormData): Promise<void> {
  const cookieStore = await cookies();
  const requestHeaders = await headers();
  const refreshToken = cookieStore.get(REFRESH_COOKIE)?.value;
  if (refreshToken) {
    // Revoking the session is best effort: whatever the gateway answers, this browser is signed out.
    await gateway.logout(refreshToken, clientContextFrom(requestHeaders));
  }
  clearSession(cookieStore, secureCookiesFor(requestHeaders));
  redirect(signinPath(formData ? textField(formData, 'next') : null));
}
