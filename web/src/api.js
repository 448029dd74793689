// api.js: fetch helpers and tolerant readers for the wasit JSON API.
// Every request goes to the same origin (CSP default-src 'self').

/** GET path?params and parse JSON; throws Error(message) on HTTP errors,
 *  using the server's {"error": "..."} text when there is one. */
export async function getJSON(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error : `${res.status} ${res.statusText}`;
    throw new Error(`${path}: ${msg}`);
  }
  return body;
}

/** Actor list from /api/actors: [{code, count, name?}]. */
export function readActors(j) {
  const list = Array.isArray(j) ? j : (j && (j.actors || j.items)) || [];
  return list.map((a) => (typeof a === 'string'
    ? { code: a, count: null }
    : { code: a.code || a.actor, count: a.count ?? a.events ?? a.n ?? null, name: a.name || null }))
    .filter((a) => a.code);
}

/** Per-period series from /api/dyad: [{period, q:[n1,n2,n3,n4], goldstein}]. */
export function readSeries(j) {
  const rows = Array.isArray(j) ? j : (j && (j.periods || j.series || j.rows)) || [];
  return rows.map((r) => {
    let q = [0, 0, 0, 0];
    if (Array.isArray(r.counts)) q = r.counts.slice(0, 4).map(Number);
    else if (r.quad && typeof r.quad === 'object') q = [1, 2, 3, 4].map((i) => Number(r.quad[i] ?? r.quad[`q${i}`] ?? 0));
    else q = [1, 2, 3, 4].map((i) => Number(r[`q${i}`] ?? r[`quad${i}`] ?? 0));
    return {
      period: String(r.period ?? r.date ?? r.key ?? ''),
      q,
      goldstein: Number(r.goldstein ?? r.goldstein_sum ?? 0),
    };
  });
}

/** The ISO-8601 Monday of the week containing YYYY-MM-DD. */
export function weekOf(date) {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** Series computed in the page from events (used for a single actor). */
export function seriesFromEvents(events, by) {
  const m = new Map();
  const need = by === 'month' ? 7 : 10; // as the store: skip vaguer dates
  for (const e of events) {
    if (!e.date || e.date.length < need) continue;
    const key = by === 'day' ? e.date.slice(0, 10) : by === 'week' ? weekOf(e.date) : e.date.slice(0, 7);
    let r = m.get(key);
    if (!r) { r = { period: key, q: [0, 0, 0, 0], goldstein: 0 }; m.set(key, r); }
    const qc = Number(e.quad_class);
    if (qc >= 1 && qc <= 4) r.q[qc - 1] += 1;
    r.goldstein += Number(e.goldstein) || 0;
  }
  return [...m.values()].sort((a, b) => a.period.localeCompare(b.period));
}
