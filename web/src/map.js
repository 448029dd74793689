// map.js: an offline map of located events.  Equirectangular projection
// (x = lon, y = -lat) drawn as SVG over land outlines that web/build.mjs
// projected at build time from world-atlas (Natural Earth 1:110m).
import { LAND_PATH, MAP_W, MAP_H } from 'wasit:world';

const NS = 'http://www.w3.org/2000/svg';
const project = (lon, lat) => [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];

function el(name, attrs) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** Draw `events` that have a location into `box`; returns the number of
 *  distinct places drawn. */
export function drawMap(box, events) {
  const places = new Map();
  for (const e of events) {
    const l = e.location;
    if (!l || typeof l.lat !== 'number' || typeof l.lon !== 'number') continue;
    const key = `${l.lat},${l.lon}`;
    const p = places.get(key) || { lat: l.lat, lon: l.lon, name: l.name || '', n: 0 };
    p.n += 1;
    places.set(key, p);
  }
  // Zoom to the points (at least 40 degrees wide), else the whole world.
  let view = [0, 0, MAP_W, MAP_H * (150 / 180)];
  if (places.size) {
    const xs = []; const ys = [];
    for (const p of places.values()) { const [x, y] = project(p.lon, p.lat); xs.push(x); ys.push(y); }
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    // Room for labels around the points; keep a 2:1 box of >= 40 degrees.
    const w = Math.max(spanX * 1.4 + 24, spanY * 2 * 1.4 + 24, (40 / 360) * MAP_W);
    const h = w / 2;
    view = [cx - w / 2, cy - h / 2, w, h];
  }
  const svg = el('svg', { viewBox: view.map((v) => v.toFixed(1)).join(' '), role: 'img', 'aria-label': 'map of located events' });
  svg.appendChild(el('path', { class: 'land', d: LAND_PATH }));
  const k = view[2] / MAP_W; // scale marks with the zoom
  for (const p of places.values()) {
    const [x, y] = project(p.lon, p.lat);
    const c = el('circle', { class: 'ev', cx: x.toFixed(2), cy: y.toFixed(2), r: ((2 + Math.sqrt(p.n)) * k * 3).toFixed(2) });
    const t = document.createElementNS(NS, 'title');
    t.textContent = `${p.name} (${p.n})`;
    c.appendChild(t);
    svg.appendChild(c);
    const label = el('text', { x: (x + 4 * k).toFixed(2), y: (y - 3 * k).toFixed(2), 'font-size': (22 * k).toFixed(2), direction: 'rtl', 'text-anchor': 'end' });
    label.textContent = p.name;
    svg.appendChild(label);
  }
  const note = document.createElement('p');
  note.className = 'muted';
  note.textContent = places.size ? `${places.size} places` : 'no located events for this selection';
  box.replaceChildren(svg, note);
  box.dataset.places = String(places.size);
  return places.size;
}
