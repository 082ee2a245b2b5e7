// The map itself: its panes (hotspot cells, then the wards, the boundary-set outline, ward names, and points on top),
// the base map (a file served by wardheat, an online tile server, or none at all), a scale bar and a north arrow.
import { api } from '../api.js';
import { html } from '../format.js';
import { $, element } from './dom.js';

/**
 * Panes around Leaflet's overlay pane (400, the wards, faded when cells are shown): a higher pane is drawn above.
 * The cells' canvas goes below the wards, as Chromium prints a canvas opaque and would hide what lies under it.
 */
const PANES = { hotspots: 395, outline: 420, labels: 430, places: 450, focus: 440 };

/** Creates the map with its panes, scale bar and north arrow. */
export function createMap(id) {
  const map = L.map(id, { zoomControl: true });
  for (const [name, z] of Object.entries(PANES)) map.createPane(name).style.zIndex = String(z);
  map.getPane('labels').style.pointerEvents = 'none';
  map.getPane('outline').style.pointerEvents = 'none';
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  const North = L.Control.extend({
    options: { position: 'topright' },
    onAdd: () => element(html`<svg viewBox="0 0 20 30" width="20" height="30" role="img" aria-label="North is up"><path d="M10 0 L18 22 L10 17 L2 22 Z" fill="#1d2433"/><text x="10" y="30" text-anchor="middle" font-size="9">N</text></svg>`, 'div'),
  });
  new North().addTo(map).getContainer().classList.add('north-arrow');
  return map;
}

/**
 * The base map from the server's settings: its own file (/tiles/...), an online template, or nothing — then no tile
 * layer, no tile request and no attribution but the page's own. Tiles are only asked within the file's zooms and bounds.
 */
export function addBasemap(map, config) {
  if (!config.tileUrl) return null;
  // the attribution is the operator's or the file's text, shown as text ("&copy;" becomes ©)
  const attribution = html`${String(config.tileAttribution || '').replace(/&copy;/g, '©')}`.text;
  const b = config.tileBounds;
  const options = { maxZoom: 19, attribution, minZoom: config.tileMinZoom ?? 0, maxNativeZoom: config.tileMaxZoom ?? 19 };
  if (Array.isArray(b) && b.length === 4) options.bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
  const tiles = L.tileLayer(config.tileUrl, options).addTo(map);
  L.control.layers({ 'Base map': tiles, 'No base map': L.layerGroup() }, {}, { position: 'topright' }).addTo(map);
  return tiles;
}

/** The boundary set's outline, redrawn when the set changes. */
export function createOutline(map) {
  let layer = null;
  let shown = null;
  return async (id) => {
    if (!id || id === shown) return;
    const geojson = await api.outline(id);
    if (layer) layer.remove();
    layer = L.geoJSON(geojson, { pane: 'outline', interactive: false, style: { color: '#1d2433', weight: 3, fill: false } }).addTo(map);
    shown = id;
  };
}

/** Below 768 px the panel is a drawer over the map, opened and closed by the Controls button. */
export function initDrawer(map) {
  $('drawer-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('drawer-open');
    $('drawer-toggle').setAttribute('aria-expanded', String(open));
    setTimeout(() => map.invalidateSize(), 250);
  });
}

/** Writes the map's centre and zoom into the state's {@code view} after every move, once {@code ready()} (the wards fitted). */
export function keepViewInState(map, state, ready) {
  map.on('moveend', () => {
    const c = map.getCenter();
    if (ready()) state.set({ view: [Number(c.lat.toFixed(5)), Number(c.lng.toFixed(5)), map.getZoom()] });
  });
}
