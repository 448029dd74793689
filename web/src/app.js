// app.js: the wasit dashboard.  Pick one actor or a dyad and a date range;
// show the cooperation/conflict series, the located events on a map and
// the event table (sentence with the trigger marked, link to the document).
// All text from the API is inserted with textContent, never as HTML.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip,
} from 'chart.js';
import { getJSON, readActors, readSeries, seriesFromEvents } from './api.js';
import { drawMap } from './map.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip);

const $ = (id) => document.getElementById(id);
const QUADS = [
  { label: 'verbal cooperation', color: '#7fc97f' },
  { label: 'material cooperation', color: '#1b7837' },
  { label: 'verbal conflict', color: '#f4a582' },
  { label: 'material conflict', color: '#b2182b' },
];
const PAGE = 1000; // largest page the server gives
const MAX_SERIES = 20000; // events fetched to chart a single actor
let chart = null;

function message(text) { $('message').textContent = text || ''; }

function td(text, attrs = {}) {
  const c = document.createElement('td');
  if (text !== undefined && text !== null) c.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, v);
  return c;
}

/** The sentence as nodes, with the first occurrence of trigger in <mark>. */
export function markTrigger(sentence, trigger) {
  const frag = document.createDocumentFragment();
  const s = sentence || '';
  const at = trigger ? s.indexOf(trigger) : -1;
  if (at < 0) { frag.append(s); return frag; }
  const m = document.createElement('mark');
  m.textContent = trigger;
  frag.append(s.slice(0, at), m, s.slice(at + trigger.length));
  return frag;
}

function filterParams() {
  const a = $('actor-a').value.trim().toUpperCase();
  const b = $('actor-b').value.trim().toUpperCase();
  return { a, b, from: $('from').value, to: $('to').value, by: $('by').value };
}

/** Mode, casualties and place of an event, as a short English note. */
function notes(e) {
  const n = [];
  if (Array.isArray(e.mode)) n.push(...e.mode);
  if (typeof e.killed === 'number') n.push(`killed ${e.killed}`);
  if (typeof e.wounded === 'number') n.push(`wounded ${e.wounded}`);
  if (e.location && e.location.name) n.push(`at ${e.location.name}`);
  return n.join(', ');
}

function renderTable(events, total) {
  const body = $('events').tBodies[0];
  const rows = events.map((e) => {
    const tr = document.createElement('tr');
    tr.className = `q${e.quad_class}`;
    tr.append(td(e.date), td(e.source), td(e.code, { title: e.pattern || '' }), td(e.target ?? ''),
      td(typeof e.goldstein === 'number' ? e.goldstein.toFixed(1) : ''), td(notes(e), { class: 'notes' }));
    const s = td(null, { class: 'sent', dir: 'rtl', lang: 'ar' });
    s.append(markTrigger(e.text, e.trigger));
    tr.append(s);
    const link = document.createElement('a');
    link.href = `#doc=${encodeURIComponent(e.doc_id)}&s=${e.sentence}`;
    link.textContent = e.doc_id;
    link.className = 'doc-link';
    link.addEventListener('click', (ev) => { ev.preventDefault(); showDoc(e.doc_id, e.sentence); });
    const c = td(null);
    c.append(link);
    tr.append(c);
    return tr;
  });
  body.replaceChildren(...rows);
  $('events').dataset.rows = String(rows.length);
  $('events').dataset.total = String(total);
  $('events-count').textContent = total > rows.length
    ? `${total} events (first ${rows.length} shown)` : `${total} events`;
}

function renderChart(series, title) {
  const labels = series.map((r) => r.period);
  const datasets = QUADS.map((q, i) => ({
    type: 'bar', label: q.label, data: series.map((r) => r.q[i]), backgroundColor: q.color, stack: 'n', yAxisID: 'y',
  }));
  datasets.push({
    type: 'line', label: 'summed Goldstein', data: series.map((r) => r.goldstein),
    borderColor: '#333', backgroundColor: '#333', yAxisID: 'g', tension: 0.2,
  });
  const total = series.reduce((s, r) => s + r.q.reduce((x, y) => x + y, 0), 0);
  $('chart').dataset.total = String(total);
  $('chart').dataset.periods = String(series.length);
  $('chart-title').textContent = `${title}: ${total} events in ${series.length} periods`;
  if (chart) chart.destroy();
  chart = new Chart($('chart'), {
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: {
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' } },
        g: { position: 'right', title: { display: true, text: 'Goldstein' }, grid: { drawOnChartArea: false } },
        x: { stacked: true },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

/** Show one document (from /api/doc) under the table; `hit` is the
 *  sentence index to highlight. */
export async function showDoc(id, hit) {
  try {
    const d = await getJSON('/api/doc', { id });
    $('doc-id').textContent = id;
    $('doc-title').textContent = d.title || '';
    $('doc-meta').textContent = [d.date, d.url].filter(Boolean).join(' · ');
    const sents = Array.isArray(d.sentences) ? d.sentences : [];
    const items = sents.map((s, i) => {
      const li = document.createElement('li');
      li.textContent = typeof s === 'string' ? s : (s.text || '');
      const idx = typeof s === 'object' && s.idx !== undefined ? s.idx : i;
      if (Number(idx) === Number(hit)) li.className = 'hit';
      return li;
    });
    if (!items.length && d.text) { const li = document.createElement('li'); li.textContent = d.text; items.push(li); }
    $('doc-sentences').replaceChildren(...items);
    $('doc').hidden = false;
    $('doc').scrollIntoView({ block: 'nearest' });
  } catch (e) { message(e.message); }
}

async function refresh() {
  message('');
  const f = filterParams();
  if (!f.a && f.b) { f.a = f.b; f.b = ''; }
  const q = { from: f.from, to: f.to, limit: PAGE };
  if (f.a && f.b) q.dyad = `${f.a},${f.b}`; else if (f.a) q.actor = f.a;
  document.body.dataset.state = 'loading';
  try {
    const ev = await getJSON('/api/events', q);
    const events = ev.events || [];
    const total = Number(ev.total ?? events.length);
    renderTable(events, total);
    drawMap($('map'), events);
    let series; let title;
    if (f.a && f.b) {
      series = readSeries(await getJSON('/api/dyad', { a: f.a, b: f.b, by: f.by, from: f.from, to: f.to }));
      title = `${f.a} – ${f.b}`;
    } else {
      // No dyad series in the API for one actor: aggregate the events here,
      // paging through up to MAX_SERIES of them.
      const all = events.slice();
      while (all.length < total && all.length < MAX_SERIES) {
        const more = (await getJSON('/api/events', { ...q, offset: all.length })).events || [];
        if (!more.length) break;
        all.push(...more);
      }
      series = seriesFromEvents(all, f.by);
      title = (f.a || 'all actors') + (all.length < total ? ` (first ${all.length} events)` : '');
    }
    renderChart(series, title);
    history.replaceState(null, '', `#${new URLSearchParams(Object.entries(f).filter(([, v]) => v))}`);
  } catch (e) {
    message(e.message);
  }
  document.body.dataset.state = 'ready';
}

async function init() {
  $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); refresh(); });
  $('doc-close').addEventListener('click', () => { $('doc').hidden = true; });
  const h = new URLSearchParams(location.hash.slice(1));
  for (const [k, id] of [['a', 'actor-a'], ['b', 'actor-b'], ['from', 'from'], ['to', 'to'], ['by', 'by']]) {
    if (h.get(k)) $(id).value = h.get(k);
  }
  try {
    const actors = readActors(await getJSON('/api/actors'));
    $('actors').replaceChildren(...actors.map((a) => {
      const o = document.createElement('option');
      o.value = a.code;
      if (a.count !== null) o.label = `${a.code} (${a.count})`;
      return o;
    }));
    const st = await getJSON('/api/stats');
    const n = st.events ?? st.total_events ?? st.n_events;
    const d = st.documents ?? st.total_documents ?? st.n_documents;
    $('stats').textContent = [n !== undefined ? `${n} events` : '', d !== undefined ? `${d} documents` : '',
      `${actors.length} actors`].filter(Boolean).join(' · ');
  } catch (e) { message(e.message); }
  await refresh();
}

init();
