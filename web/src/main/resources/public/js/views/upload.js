// The import form: police.uk files, a council preset, or any CSV with its columns mapped (council records may
// carry a postcode located through a postcode lookup file), or area totals (counts by area and month); shows the
// server's import report (every row accounted for: imported, outside, without location, rejected) as text, and the
// postcodes the lookup did not hold by name.
import { api } from '../api.js';
import { day, html, num, plural, setHtml } from '../format.js';
import { $ } from './dom.js';

const MAPPING_FIELDS = ['map_date', 'map_end_date', 'map_lon', 'map_lat', 'map_easting', 'map_northing',
  'map_category_column', 'category', 'map_count', 'map_location', 'dataset'];
/** The kind that uploads counts by area and month rather than records. */
export const AREA_TOTALS = 'area-totals';

/**
 * The query of an import: `kind` is the Kind picker's value ('' police.uk, a preset, 'mapping' or 'area-totals'),
 * `fields` the form's text fields by name. Area totals take only the dataset and the category of every row.
 */
export function importParams(kind, boundaries, fields) {
  const totals = kind === AREA_TOTALS;
  const params = { boundaries, preset: totals || kind === 'mapping' ? null : kind, area_totals: totals };
  for (const name of totals ? ['dataset'] : MAPPING_FIELDS) {
    if (fields[name]) params[name] = fields[name];
  }
  if (totals && fields.area_category) params.category = fields.area_category;
  return params;
}

/** The report as plain text lines (shown with textContent, never as HTML). */
export function reportText(r) {
  const lines = [`dataset ${r.dataset}${r.boundaries ? `, boundary set ${r.boundaries}` : ''}`];
  for (const f of r.files) {
    if (f.alreadyImported) { lines.push(`${f.source}: already imported (${day(f.previousImport)}); nothing added`); continue; }
    const c = f.counts;
    lines.push(`${f.source}: ${c.rowsRead} rows read: ${c.imported} imported, ${c.outside} outside every ward, ${c.withoutLocation} without location, ${c.rejected} rejected`);
    f.problems.forEach((p) => lines.push(`  line ${p.line}, field '${p.field}': ${p.reason}`));
  }
  for (const p of r.placements || []) {
    const unmatched = Object.keys(p.unmatched || {});
    lines.push(`placed on ${p.boundaries}: ${num(p.total)} counted, ${num(p.exact)} by code or name, ${num(p.unmatchedCount)} on no area`
      + `${unmatched.length ? ` (${unmatched.slice(0, 30).join(', ')}${unmatched.length > 30 ? ' …' : ''})` : ''}`);
  }
  if (r.postcodes) {
    const n = r.postcodes.unmatched ? Object.values(r.postcodes.unmatched).reduce((a, b) => a + b, 0) : 0;
    lines.push(`postcodes: ${plural(r.postcodes.located, 'row')} located through ${r.postcodes.lookup}; ${plural(n, 'row')} with a postcode it does not hold`);
  }
  return lines.join('\n');
}

/** The postcodes the lookup did not hold, each by name with its rows (escaped by html``); nothing without any. */
export function postcodeHtml(postcodes) {
  const unmatched = Object.entries((postcodes && postcodes.unmatched) || {});
  if (!unmatched.length) return html``;
  return html`<p class="note warn">Postcodes not in ${postcodes.lookup} (those rows are stored without location):</p>
    <ul class="postcodes">${unmatched.map(([code, rows]) => html`<li><code>${code}</code> · ${plural(rows, 'row')}</li>`)}</ul>`;
}

/**
 * Wires the form; calls onImported() after a successful import so the views reload.
 * @param {() => string} boundaries the boundary set to join the incidents to
 */
export function initUpload(boundaries, onImported) {
  const form = $('import-form');
  const preset = $('import-preset');
  const report = $('import-report');
  const showKind = () => {
    $('import-mapping').hidden = preset.value !== 'mapping';
    $('import-area-totals').hidden = preset.value !== AREA_TOTALS;
    $('import-postcode').hidden = preset.value === '' || preset.value === AREA_TOTALS; // council records only
  };
  preset.addEventListener('change', showKind);
  showKind();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const files = $('import-files').files;
    if (!files.length) { report.textContent = 'Choose one or more files first.'; return; }
    const data = new FormData();
    [...files].forEach((f) => data.append('file', f, f.name));
    const lookup = $('import-postcodes').files[0];
    if (lookup && !$('import-postcode').hidden) data.append('postcode_lookup', lookup, lookup.name);
    const fields = {};
    for (const el of form.elements) if (el.name && el.type !== 'file' && el.value.trim()) fields[el.name] = el.value.trim();
    report.textContent = preset.value === AREA_TOTALS ? 'Importing area totals…' : 'Importing…';
    setHtml($('import-postcodes-report'), html``);
    try {
      const reply = await api.importFiles(importParams(preset.value, boundaries(), fields), data);
      report.textContent = reportText(reply);
      setHtml($('import-postcodes-report'), postcodeHtml(reply.postcodes));
      onImported();
    } catch (err) {
      report.textContent = `Nothing was imported: ${err.message}`;
    }
  });
}
