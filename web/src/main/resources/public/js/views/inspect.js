// Inspect and select, two modes of a click on the map. Inspect (the default): one popup says what is under the
// point — the ward (counts, rate, change with its significance) and the hotspot cell (count, z, p, bin); points
// (repeat places, encampments) open their own popups. Select: a click adds the ward under it to the focus area or
// takes it out. Keys on the map: I inspect, S select; the ward table is the keyboard way to
// pick wards. A hover shows the same in a tooltip.
import { html } from '../format.js';
import { $, element } from './dom.js';

/**
 * @param map the Leaflet map
 * @param views {{ wards, hotspots }} each with at(latlng); wards also popup(properties)
 * @param onWardPick called with a ward code in select mode
 */
export function createInspector(map, { wards, hotspots }, onWardPick) {
  let mode = 'inspect';
  let drawing = false;
  const buttons = { inspect: $('mode-inspect'), select: $('mode-select') };
  const setMode = (m) => {
    mode = m;
    for (const [k, b] of Object.entries(buttons)) b.setAttribute('aria-pressed', String(k === m));
    map.getContainer().classList.toggle('selecting', m === 'select');
  };
  buttons.inspect.addEventListener('click', () => setMode('inspect'));
  buttons.select.addEventListener('click', () => setMode('select'));
  map.getContainer().addEventListener('keydown', (e) => {
    if (e.target !== map.getContainer() || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'i' || e.key === 'I') setMode('inspect');
    else if (e.key === 's' || e.key === 'S') setMode('select');
  });
  map.on(L.Draw.Event.DRAWSTART, () => { drawing = true; });
  map.on(L.Draw.Event.DRAWSTOP, () => { setTimeout(() => { drawing = false; }, 0); });

  function under(latlng) {
    const ward = wards.at(latlng);
    const cell = hotspots.at(latlng);
    return { ward, cell };
  }

  map.on('click', (e) => {
    if (drawing) return;
    const { ward, cell } = under(e.latlng);
    if (mode === 'select') {
      if (ward) onWardPick(ward.properties.ward_code);
      return;
    }
    if (!ward && !cell) return;
    const box = document.createElement('div');
    box.className = 'inspect';
    if (ward) box.append(wards.popup(ward.properties));
    if (cell) box.append(element(html`<div class="popup cell"><h3>Hotspot cell ${cell.properties.cell_id}</h3><table>${cell.info}</table></div>`));
    L.popup({ maxWidth: 300, autoPan: true }).setLatLng(e.latlng).setContent(box).openOn(map);
  });

  const tip = L.tooltip({ sticky: true, direction: 'top', offset: [0, -8] });
  let last = 0;
  map.on('mousemove', (e) => {
    const now = performance.now();
    if (now - last < 40) return;
    last = now;
    const { ward, cell } = under(e.latlng);
    if (!ward && !cell) { map.closeTooltip(tip); return; }
    const text = html`${ward ? wards.tooltip(ward.properties) : ''}${ward && cell ? html`<br>` : ''}${cell ? cell.tooltip : ''}`;
    tip.setLatLng(e.latlng).setContent(element(text, 'span'));
    if (!map.hasLayer(tip)) map.openTooltip(tip);
  });
  map.on('mouseout', () => map.closeTooltip(tip));
  return { selecting: () => mode === 'select', setMode };
}
