// Who is signed in: to the sign-in page when the server requires it; a banner when it runs open (no
// accounts, on this machine only); the user and a sign-out button otherwise; the parts the role may not use
// hidden (the server refuses them anyway, whatever the page shows).
import { api, allowed, useSession } from '../api.js';
import { $ } from './dom.js';
import { html, setHtml } from '../format.js';

/** Panels and the permission each needs. */
const PANELS = [['places-panel', 'records'], ['import', 'import'], ['dissolve-panel', 'import'], ['audit-panel', 'admin']];

/** The audit trail's rows: every value is text from the server, escaped by html``. */
export function auditRows(entries) {
  return html`${entries.slice().reverse().map((e) => html`<tr><td>${e.at}</td><td>${e.user || '–'}</td><td>${e.address || ''}</td><td>${e.action}</td><td>${e.target || ''}</td><td><code>${e.detail || ''}</code></td></tr>`)}`;
}

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
  if (allowed('admin') && !session.open) {
    $('audit-panel').addEventListener('toggle', () => {
      if ($('audit-panel').open) api.audit().then((entries) => setHtml($('audit-table').tBodies[0], auditRows(entries))).catch(failed);
    });
  }
  return true;
}
