// dashboard.test.mjs: drive the wasit dashboard in Debian's chromium
// (playwright-core from web/node_modules, headless, no network but the
// local server) and check it against the JSON API of the same server.
//   node tests/browser/dashboard.test.mjs URL SCREENSHOT.png
// Checks: the page loads with no console error (a CSP violation is one);
// the actor datalist comes from /api/actors; picking the dyad ARM-AZE
// shows as many table rows as /api/events reports and a chart whose
// counts sum to the /api/dyad series; each sentence cell is RTL Arabic
// with the trigger in <mark>; the map has one point per located place;
// the document link opens /api/doc in the page; a date range narrows both.
// Prints "N passed, N failed"; exit 1 when a check fails.
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error('usage: node dashboard.test.mjs URL SCREENSHOT.png');
  process.exit(2);
}
const api = async (path) => {
  const r = await fetch(new URL(path, base));
  assert.equal(r.status, 200, `${path}: HTTP ${r.status}`);
  return r.json();
};

let passed = 0; let failed = 0;
async function check(name, fn) {
  try { await fn(); passed += 1; console.log(`ok   ${name}`); } catch (e) {
    failed += 1; console.log(`FAIL ${name}: ${e.message}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-dev-shm-usage'],
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Nothing may leave 127.0.0.1: any other request is a defect.
  const foreign = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.host !== new URL(base).host) { foreign.push(u.href); return route.abort(); }
    return route.continue();
  });
  const ready = () => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 15000 });

  await page.goto(base);
  await ready();

  await check('page loads without console errors', async () => {
    assert.deepEqual(errors, []);
    assert.equal(await page.title(), 'wasit: Arabic news events');
  });

  await check('actor datalist from /api/actors', async () => {
    const actors = (await api('/api/actors')).actors;
    const opts = await page.$$eval('#actors option', (o) => o.map((x) => x.value));
    assert.equal(opts.length, actors.length);
    assert.ok(opts.includes('ARM') || opts.some((c) => c.startsWith('ARM')), 'no ARM actor');
  });

  // Pick the dyad Armenia - Azerbaijan, per day.
  await page.fill('#actor-a', 'ARM');
  await page.fill('#actor-b', 'aze');
  await page.selectOption('#by', 'day');
  await page.click('#show');
  await ready();
  await page.waitForFunction(() => document.getElementById('chart').dataset.total !== undefined);
  const ev = await api('/api/events?dyad=ARM,AZE&limit=1000');
  const series = (await api('/api/dyad?a=ARM&b=AZE&by=day')).periods;

  await check('table rows = /api/events total for the dyad', async () => {
    assert.ok(ev.total > 0, 'no ARM-AZE events');
    const rows = await page.$$eval('#events tbody tr', (r) => r.length);
    assert.equal(rows, Math.min(ev.total, 1000));
    assert.equal(await page.getAttribute('#events', 'data-total'), String(ev.total));
    assert.match(await page.textContent('#events-count'), new RegExp(`^${ev.total} events`));
  });

  await check('chart counts = /api/dyad series = dated events', async () => {
    const sum = series.reduce((s, p) => s + p.events, 0);
    const dated = ev.events.filter((e) => e.date && e.date.length === 10).length;
    assert.equal(sum, dated);
    assert.equal(await page.getAttribute('#chart', 'data-total'), String(sum));
    assert.equal(await page.getAttribute('#chart', 'data-periods'), String(series.length));
    // The canvas really has bars drawn: count non-transparent pixels.
    const inked = await page.$eval('#chart', (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
      return n;
    });
    assert.ok(inked > 2000, `chart canvas nearly empty (${inked} px)`);
  });

  await check('sentences are RTL Arabic with the trigger marked', async () => {
    const cells = await page.$$eval('#events tbody td.sent', (cs) => cs.map((c) => ({
      dir: c.getAttribute('dir'), lang: c.getAttribute('lang'), css: getComputedStyle(c).direction,
      text: c.textContent, mark: c.querySelector('mark')?.textContent ?? null,
    })));
    assert.equal(cells.length, ev.events.length);
    cells.forEach((c, i) => {
      const e = ev.events[i];
      assert.equal(c.dir, 'rtl'); assert.equal(c.lang, 'ar'); assert.equal(c.css, 'rtl');
      assert.equal(c.text, e.text);
      assert.match(c.text, /[\u0600-\u06FF]/, 'sentence has no Arabic letters');
      if (e.trigger && e.text.includes(e.trigger)) assert.equal(c.mark, e.trigger);
      else assert.equal(c.mark, null);
    });
    assert.ok(cells.some((c) => c.mark), 'no trigger highlighted at all');
  });

  await check('map shows one point per located place', async () => {
    const places = new Set(ev.events.filter((e) => e.location && typeof e.location.lat === 'number')
      .map((e) => `${e.location.lat},${e.location.lon}`));
    assert.equal(await page.$$eval('#map svg circle.ev', (c) => c.length), places.size);
    assert.equal(await page.$$eval('#map svg path.land', (p) => p.length), 1);
  });

  await check('document link opens /api/doc in the page', async () => {
    const e = ev.events[0];
    const doc = await api(`/api/doc?id=${encodeURIComponent(e.doc_id)}`);
    await page.click('#events tbody tr:first-child a.doc-link');
    await page.waitForSelector('#doc:not([hidden])');
    assert.equal(await page.textContent('#doc-id'), e.doc_id);
    assert.equal(await page.$$eval('#doc-sentences li', (l) => l.length), doc.sentences.length);
    assert.equal(await page.textContent('#doc-sentences li.hit'), e.text);
    assert.equal(await page.getAttribute('#doc-sentences', 'dir'), 'rtl');
  });

  await page.screenshot({ path: shot, fullPage: true });

  await check('all events: map points = located places, chart = table', async () => {
    await page.fill('#actor-a', '');
    await page.fill('#actor-b', '');
    await page.selectOption('#by', 'month');
    await page.click('#show');
    await ready();
    const all = await api('/api/events?limit=1000');
    const places = new Set(all.events.filter((e) => e.location && typeof e.location.lat === 'number')
      .map((e) => `${e.location.lat},${e.location.lon}`));
    assert.equal(await page.$$eval('#map svg circle.ev', (c) => c.length), places.size);
    assert.equal(await page.getAttribute('#events', 'data-total'), String(all.total));
    const dated = all.events.filter((e) => e.date && e.date.length >= 7).length;
    assert.equal(await page.getAttribute('#chart', 'data-total'), String(dated));
    console.log(`     (${all.total} events, ${places.size} located places)`);
    await page.fill('#actor-a', 'ARM');
    await page.fill('#actor-b', 'AZE');
  });

  await check('a date range narrows table and chart alike', async () => {
    const lo = ev.events.map((e) => e.date).filter(Boolean).sort()[0];
    const from = lo.slice(0, 7) + '-01';
    const to = lo.slice(0, 7) + '-28';
    await page.fill('#from', from);
    await page.fill('#to', to);
    await page.click('#show');
    await ready();
    const sub = await api(`/api/events?dyad=ARM,AZE&from=${from}&to=${to}&limit=1000`);
    const ser = (await api(`/api/dyad?a=ARM&b=AZE&by=day&from=${from}&to=${to}`)).periods;
    assert.ok(sub.total >= 1 && sub.total <= ev.total);
    assert.equal(await page.getAttribute('#events', 'data-total'), String(sub.total));
    assert.equal(await page.$$eval('#events tbody tr', (r) => r.length), Math.min(sub.total, 1000));
    assert.equal(await page.getAttribute('#chart', 'data-total'), String(ser.reduce((s, p) => s + p.events, 0)));
  });

  await check('a bad filter shows the server message', async () => {
    await page.fill('#actor-a', 'ARM-');
    await page.click('#show');
    await ready();
    assert.match(await page.textContent('#message'), /actor|dyad/);
  });

  await check('no request left the local server; no errors', async () => {
    assert.deepEqual(foreign, []);
    // The bad filter above is an expected 400 in the console; nothing else.
    assert.deepEqual(errors.filter((t) => !/400/.test(t)), []);
  });
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
