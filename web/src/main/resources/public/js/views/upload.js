// The import form: police.uk files, a council preset, or any CSV with its columns mapped; shows the
// server's import report (every row accounted for: imported, outside, without location, rejected) as text.
import { api } from '../api.js';
import { day } from '../format.js';
import { $ } from './dom.js';

const MAPPING_FIELDS = ['map_date', 'map_end_date', 'map_lon', 'map_lat', 'map_easting', 'map_northing',
  'map_category_column', 'category', 'map_count', 'map_location', 'dataset'];

/** The report as plain text lines (shown with textContent, never as HTML). */
export function reportText(r) {
  const lines = [`dataset ${r.dataset}${r.boundaries ? `, boundary set ${r.boundaries}` : ''}`];
  for (const f of r.files) {
    if (f.alreadyImported) { lines.push(`${f.source}: already imported (${day(f.previousImport)}); nothing added`); continue; }
    const c = f.counts;
    lines.push(`${f.source}: ${c.rowsRead} rows read: ${c.imported} imported, ${c.outside} outside every ward, ${c.withoutLocation} without location, ${c.rejected} rejected`);
    f.problems.forEach((p) => lines.push(`  line ${p.line}, field '${p.field}': ${p.reason}`));
  }
  return lines.join('\n');
}

/**
 * Wires the form; calls onImported() after a successful import so the views reload.
 * @param {() => string} boundaries the boundary set to join the incidents to
 */
export function initUpload(boundaries, onImported) {
  const form = $('import-form');
  const preset = $('import-preset');
  const report = $('import-report');
  preset.addEventListener('change', () => { $('import-mapping').hidden = preset.value !== 'mapping'; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const files = $('import-files').files;
    if (!files.length) { report.textContent = 'Choose one or more files first.'; return; }
    const data = new FormData();
    [...files].forEach((f) => data.append('file', f, f.name));
    const params = { boundaries: boundaries(), preset: preset.value === 'mapping' ? null : preset.value };
    for (const name of MAPPING_FIELDS) {
      const value = form.elements[name] && form.elements[name].value.trim();
      if (value) params[name] = value;
    }
    report.textContent = 'Importing…';
    try {
      report.textContent = reportText(await api.importFiles(params, data));
      onImported();
    } catch (err) {
      report.textContent = `Nothing was imported: ${err.message}`;
    }
  });
}
