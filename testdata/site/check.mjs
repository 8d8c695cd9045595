// check.mjs: open pages of a built roadmap site in headless Chromium and
// report, as JSON on standard output, what TestSiteInBrowser (pkg/site)
// judges: console errors, requests outside the site directory, links
// that lead nowhere, the region page's districts and chart against its
// JSON download, and axe-core's violations.
//
//   node check.mjs [--shots DIR] SITE_DIR PAGE... [-- SITE_DIR PAGE...]
//
// The browser is the system's Chromium (CHROMIUM, else /usr/bin/chromium):
// playwright-core downloads none.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const args = process.argv.slice(2);
let shots = '';
const i = args.indexOf('--shots');
if (i >= 0) {
  shots = args[i + 1];
  args.splice(i, 2);
}
// Groups of a site directory and its pages, split by "--".
const groups = [[]];
for (const a of args) {
  if (a === '--') groups.push([]);
  else groups[groups.length - 1].push(a);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const report = { pages: [] };

for (const [siteDir, ...pages] of groups) {
const root = path.resolve(siteDir);
const rootURL = pathToFileURL(root + path.sep).href;
// inSite: a URL of a file under the site directory.
const inSite = (url) => url.startsWith(rootURL);

for (const rel of pages) {
  const page = await context.newPage();
  const result = { site: siteDir, page: rel, console: [], outside: [], broken: [], violations: [] };
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') result.console.push(m.text()); });
  page.on('pageerror', (e) => result.console.push(String(e)));
  // Every request is recorded, none intercepted: intercepting file://
  // makes Chromium fetch the site's own files in a way it refuses.
  page.on('request', (r) => { const u = r.url(); if (!inSite(u) && !u.startsWith('data:')) result.outside.push(u); });
  // A page given with an #anchor is an element of it: an activity.
  const [file, anchorOf] = rel.split('#');
  const url = pathToFileURL(path.join(root, file)).href + (anchorOf ? '#' + anchorOf : '');
  await page.goto(url, { waitUntil: 'load' });

  // Every link: a file of the site, and its anchor an element there.
  const links = await page.$$eval('a[href], link[href], [src]', (els) => els.map((e) => e.href || e.src));
  for (const l of links) {
    if (!inSite(l)) { result.broken.push(l); continue; }
    const [file, anchor] = l.split('#');
    const p = fileURLToPath(file);
    if (!fs.existsSync(p) || fs.statSync(p).isDirectory()) { result.broken.push(l); continue; }
    if (anchor && !fs.readFileSync(p, 'utf8').includes(`id="${anchor}"`)) result.broken.push(l);
  }

  // The charts: each bar's segments by status, to add up against JSON.
  result.bars = await page.$$eval('g[data-bar]', (gs) => gs.map((g) => {
    const counts = {};
    for (const r of g.querySelectorAll('rect[data-status]')) {
      counts[r.dataset.status] = (counts[r.dataset.status] || 0) + Number(r.dataset.value);
    }
    return { label: g.dataset.bar, counts };
  }));
  result.svg = await page.$$eval('svg.chart', (s) => s.length);
  result.rowHeaders = await page.$$eval('th[scope=row]', (ths) => ths.map((th) => th.textContent.trim()));
  result.lang = await page.getAttribute('html', 'lang');

  await page.addScriptTag({ path: axePath });
  const axe = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    // preload: false — axe would fetch the stylesheet by XHR, which
    // Chromium refuses from file://, and say so on the console.
    const r = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  result.violations = axe;
  if (shots) {
    // The first screen of a page, or the element of an anchor, whole.
    const name = path.basename(root) + '-' + rel.replaceAll('/', '_').replace('.html', '').replace('#', '_') + '.png';
    const shot = path.join(shots, name);
    if (anchorOf) await page.locator('#' + anchorOf).screenshot({ path: shot });
    else await page.screenshot({ path: shot });
  }
  report.pages.push(result);
  await page.close();
}
}
await browser.close();
process.stdout.write(JSON.stringify(report));
