// The sign-in page: posts the name and password, then opens the map. Failures show the server's message
// (wrong name or password, or too many attempts: try again later).
import { api } from './api.js';
import { $ } from './views/dom.js';

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

async function start() {
  const session = await api.session();
  if (session.open || session.signedIn) {
    window.location.assign('/');
    return;
  }
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    setStatus('Signing in…');
    try {
      await api.login($('login-name').value, $('login-password').value);
      window.location.assign('/');
    } catch (err) {
      $('login-password').value = '';
      setStatus(err.message, true);
    }
  });
}

start().catch((err) => setStatus(err.message, true));
