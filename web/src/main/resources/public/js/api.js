// Thin wrappers over the wardheat HTTP API. Every call rejects with the server's own error message.

async function get(path) {
  const response = await fetch(path);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `${path}: HTTP ${response.status}`);
  }
  return body;
}

/** Query string for the ward analyses: boundaries, categories, period and comparison. */
export function wardQuery(state) {
  const q = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to, compare: state.compare });
  state.categories.forEach((c) => q.append('category', c));
  if (state.dataset) q.set('dataset', state.dataset);
  return q.toString();
}

export const api = {
  config: () => get('/api/config'),
  boundarySets: () => get('/api/boundaries'),
  categories: () => get('/api/categories'),
  months: () => get('/api/months'),
  datasets: () => get('/api/datasets'),
  wardLayer: (state) => get(`/api/wards?${wardQuery(state)}`),
  wardCsvUrl: (state) => `/api/wards.csv?${wardQuery(state)}`,
};
