// The import form: police.uk files, a council preset, or any CSV with its columns mapped; shows the
// server's import report (every row accounted for: imported, outside, without location, rejected).

function reportText(r) {
  const lines = [`dataset ${r.dataset}${r.boundaries ? `, boundary set ${r.boundaries}` : ''}`];
  for (const f of r.files) {
    if (f.alreadyImported) { lines.push(`${f.source}: already imported (${f.previousImport}); nothing added`); continue; }
    const c = f.counts;
    lines.push(`${f.source}: ${c.rowsRead} rows read: ${c.imported} imported, ${c.outside} outside every ward, ${c.withoutLocation} without location, ${c.rejected} rejected`);
    f.problems.forEach((p) => lines.push(`  line ${p.line}, field '${p.field}': ${p.reason}`));
  }
  return lines.join('\n');
}

/** Wires the form; calls onImported() after a successful import so the views reload. */
export function initUpload(form, { preset, mapping, report, boundaries, onImported }) {
  preset.addEventListener('change', () => { mapping.hidden = preset.value !== 'mapping'; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData();
    const files = form.querySelector('input[type=file]').files;
    if (!files.length) { report.textContent = 'Choose one or more files first.'; return; }
    [...files].forEach((f) => data.append('file', f, f.name));
    const q = new URLSearchParams({ boundaries: boundaries() });
    if (preset.value && preset.value !== 'mapping') q.set('preset', preset.value);
    new FormData(form).forEach((v, k) => { if (k !== 'file' && k !== 'preset' && typeof v === 'string' && v.trim()) q.set(k, v.trim()); });
    report.textContent = 'Importing…';
    const response = await fetch(`/api/import?${q}`, { method: 'POST', body: data });
    const body = await response.json();
    report.textContent = response.ok ? reportText(body) : `Nothing was imported: ${body.error}`;
    if (response.ok) onImported();
  });
}
