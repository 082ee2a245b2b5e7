// Who is signed in: to the sign-in page when the server requires it; a banner when it runs open (no
// accounts, on this machine only); the user and a sign-out button otherwise; the parts the role may not use
// hidden (the server refuses them anyway, whatever the page shows).
import { api, allowed, useSession } from '../api.js';
import { $ } from './dom.js';

/** Panels and the permission each needs. */
const PANELS = [['places-panel', 'records'], ['import', 'import']];

/** Resolves to false when the page leaves for the sign-in page, true otherwise. */
export async function signIn(state, failed) {
  const session = await api.session();
  if (!session.open && !session.signedIn) {
    window.location.assign('/login.html');
    return false;
  }
  useSession(session);
  $('open-banner').hidden = !session.open;
  $('account').hidden = session.open;
  $('account-name').textContent = session.open ? '' : `${session.user} (${session.role})`;
  $('sign-out').addEventListener('click', () => api.logout().then(() => window.location.assign('/login.html')).catch(failed));
  for (const [id, permission] of PANELS) $(id).hidden = !allowed(permission);
  if (!allowed('records') && state.places !== 'none') state.set({ places: 'none' });
  return true;
}
