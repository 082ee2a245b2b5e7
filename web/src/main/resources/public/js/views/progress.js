// A progress line with a Cancel button for anything that takes more than half a second.
import { $ } from './dom.js';

/** track(label, promise, cancel): shows "label…" after 500 ms until the promise settles; Cancel calls cancel(). */
export function createProgress() {
  let current = null;
  $('progress-cancel').addEventListener('click', () => { if (current) current.cancel(); });
  return function track(label, promise, cancel) {
    const job = { cancel };
    const timer = setTimeout(() => {
      current = job;
      $('progress-text').textContent = `${label}…`;
      $('progress').hidden = false;
    }, 500);
    const done = () => {
      clearTimeout(timer);
      if (current === job) { current = null; $('progress').hidden = true; }
    };
    promise.then(done, done);
    return promise;
  };
}
