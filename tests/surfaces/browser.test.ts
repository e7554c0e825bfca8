import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../src/api/server.ts';
import { openStore } from '../../src/db/store.ts';
import { ENUM_LABELS, FIELD_LABELS, SCENARIO_LABELS } from '../../src/messages/labels.ts';
import { loadDemo } from '../../src/publish/demo.ts';
import { publish } from '../../src/publish/release.ts';
import { caseJson, dataDirWithFixture, ROOT, startQuietServer } from './helpers.ts';

/**
 * The web app in a real browser (Debian's chromium driven by playwright-core): every page loads and
 * passes axe-core without serious or critical violations; a story is assessed; a fact is changed and
 * the result changes; two reforms are compared; the data page is filtered; a result reopens from its
 * permalink. Every page: no horizontal overflow at 375 px, no taller than about 15,000 px as it opens,
 * no contract id in its visible text. Screenshots of each page at 1280 and 375 px: test-results/screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'screenshots');
const MAX_HEIGHT = 15_000;
/** Contract ids a user must never read: snake_case enum values, scenario ids, dotted case paths. */
const IDS = [
  ...Object.values(ENUM_LABELS).flatMap((t) => Object.keys(t).filter((k) => k.includes('_'))),
  ...Object.keys(SCENARIO_LABELS),
  ...Object.keys(FIELD_LABELS).filter((k) => k.includes('.') && !k.includes('*')),
];
const ID_PATTERN = new RegExp(`(?<![\\w.])(${IDS.map((i) => i.replaceAll('.', '\\.')).join('|')})(?![\\w])`);

/** A second, small release in the shape of the published disparity table (estimate, interval, share). */
function addDisparityRelease(dataDir: string): void {
  const dir = join(dataDir, 'releases', 'disparity-fixture');
  mkdirSync(join(dir, 'tables'), { recursive: true });
  writeFileSync(
    join(dir, 'tables', 'disparity.csv'),
    [
      'measure,group,group_label,stage,numerator,denominator,estimate,lower,upper,share,flags,synthetic',
      // share (0.12) is far below the estimate: a bar drawn from it would sit outside its whiskers
      'rri_stage,nh_black,"Black, not Hispanic",charging_decision,2306,4559,1.199,1.1466,1.2538,0.1211,,true',
      'rri_stage,hispanic,Hispanic or Latino/a/x,charging_decision,1500,3207,1.137,1.09,1.19,,,true',
      'rri_stage,nh_aian,"American Indian or Alaska Native, not Hispanic",charging_decision,82,172,1.13,0.95,1.33,0.0103,small_n,true',
      'rri_stage,nh_nhpi,"Native Hawaiian or other Pacific Islander, not Hispanic",sentence,suppressed,suppressed,,,,,suppressed,true',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'datapackage.json'),
    JSON.stringify({
      name: 'disparity-fixture',
      title: 'Disparity fixture (synthetic data)',
      created: '2026-01-01T00:00:00Z',
      'proportion:synthetic': true,
      resources: [
        { name: 'disparity', path: 'tables/disparity.csv', title: 'Disparity measures', format: 'csv' },
      ],
    }),
  );
}
/** A release published by `publish` from synthetic records, with its sentence-length tables. */
async function addTermRelease(dataDir: string): Promise<void> {
  const store = await openStore('duckdb::memory:');
  const out = join(dataDir, 'releases', 'terms-fixture');
  try {
    await loadDemo(store, 3000, 11);
    await publish(store, {
      by: ['race_ethnicity', 'gender'],
      stage: 'charging_decision',
      out,
      minCell: 11,
      parquet: false,
    });
  } finally {
    await store.close();
  }
  // older than the hand-made fixture, so /data still opens on that one
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  writeFileSync(join(out, 'datapackage.json'), JSON.stringify({ ...pkg, created: '2026-01-02T00:00:00Z' }));
}
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

if (!existsSync(CHROMIUM)) {
  test('browser tests', {
    skip: `${CHROMIUM} is not installed (apt-get install -y chromium); browser tests skipped`,
  }, () => {});
} else {
  describe('web app in Chromium', () => {
    let server: RunningServer;
    let context: BrowserContext;
    let page: Page;
    let profile: string;

    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      const dataDir = dataDirWithFixture();
      addDisparityRelease(dataDir);
      await addTermRelease(dataDir);
      server = await startQuietServer(dataDir);
      const { chromium } = await import('playwright-core');
      profile = join(tmpdir(), `proportion-chromium-${process.pid}`);
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1280, height: 900 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      // No external requests: anything not served by the app itself fails the test.
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('about:'))
          return route.continue();
        external.push(url);
        return route.abort();
      });
    });
    const external: string[] = [];
    const blocked: string[] = [];

    after(async () => {
      await context?.close();
      await server?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    async function axeCheck(name: string): Promise<void> {
      // evaluated through DevTools, not as an inline <script>: the app's CSP rightly blocks those
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run: (
                ctx: unknown,
                opts: unknown,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe;
        return axe.run(document, { resultTypes: ['violations'] });
      });
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        serious.map(
          (v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
        ),
        [],
        `accessibility violations on ${name}`,
      );
    }
    /**
     * The page at 375 px: it must not scroll sideways nor be taller than MAX_HEIGHT as it opens, and
     * its visible text (code excepted) names no contract id. With a name, screenshots at 1280 and 375 px.
     */
    async function phone(name: string, screenshots = true): Promise<void> {
      if (screenshots) await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: false });
      const leaked = await page.evaluate((source) => {
        const pattern = new RegExp(source);
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('code, script, style, title, .visually-hidden')) continue;
          if (!el.checkVisibility()) continue;
          const m = pattern.exec(n.textContent ?? '');
          if (m) found.push(`${m[0]} in "${(n.textContent ?? '').trim().slice(0, 120)}"`);
        }
        return found;
      }, ID_PATTERN.source);
      await page.setViewportSize({ width: 375, height: 812 });
      const size = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        height: document.documentElement.scrollHeight,
      }));
      if (screenshots) await page.screenshot({ path: join(SHOTS, `${name}-375.png`), fullPage: false });
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.ok(size.overflow <= 1, `${name}: the page is ${size.overflow}px wider than a 375px screen`);
      assert.ok(size.height <= MAX_HEIGHT, `${name}: ${size.height}px tall at 375px (at most ${MAX_HEIGHT})`);
      assert.deepEqual(leaked, [], `${name}: contract ids in the page's text`);
    }
    const shot = (name: string) => phone(name);
    const text = async (selector: string) =>
      ((await page.locator(selector).first().textContent()) ?? '').trim();

    test('home page, landmarks, keyboard skip link', async () => {
      await page.goto(`${server.url}/`);
      assert.equal(await page.title(), 'Home · Proportion');
      for (const sel of ['header', 'nav', 'main', 'footer'])
        assert.equal(await page.locator(sel).count(), 1, sel);
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        'Skip to the main content',
      );
      await axeCheck('home');
      await shot('home');
    });

    test("assess a story: Aron Tuff's case", async () => {
      await page.goto(`${server.url}/assess?story=aron-tuff`);
      assert.match(await text('[data-field="role"]'), /uses drugs/);
      assert.match(await text('[data-field="screen"]'), /Divert/);
      await axeCheck('assess-tuff');
      await shot('assess-tuff');
    });

    test('asks what the rules still need, and a changed fact changes the result', async () => {
      await page.goto(`${server.url}/assess?story=crystal-munoz`);
      assert.match(await text('[data-field="mandatory-minimum"]'), /120 months|10 years/);
      assert.match(await text('[data-field="safety-valve"]'), /depends on open questions/);
      const questions = page.locator('[data-testid="open-questions"]');
      assert.match((await questions.textContent()) ?? '', /tell the government everything/);
      assert.equal(await page.locator('.field.needed #f-cooperation-truthful_disclosure').count(), 1);
      await shot('assess-munoz-open-question');
      // Answer the question: the safety valve now applies and the minimum falls away.
      await page.selectOption('#f-cooperation-truthful_disclosure', 'yes');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/assess') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Assess', exact: true }).click(),
      ]);
      await page.waitForFunction(() =>
        document.querySelector('[data-field="safety-valve"]')?.textContent?.includes('eligible'),
      );
      assert.equal(await text('[data-field="safety-valve"]'), 'eligible');
      assert.match(await text('[data-field="mandatory-minimum"]'), /^0 months/);
      await axeCheck('assess-munoz-answered');
      await shot('assess-munoz-answered');

      // Weldon Angelos: three 924(c) counts stacked; with one count the minimum is far lower.
      await page.goto(`${server.url}/assess?story=weldon-angelos`);
      const before_ = await text('[data-field="mandatory-minimum"]');
      assert.match(before_, /660 months|55 years/);
      await page.fill('#f-conduct-firearm_counts', '1');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/assess') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Assess', exact: true }).click(),
      ]);
      await page.waitForFunction(
        (b) => document.querySelector('[data-field="mandatory-minimum"]')?.textContent?.trim() !== b,
        before_,
      );
      assert.doesNotMatch(await text('[data-field="mandatory-minimum"]'), /660/);
    });

    test('an invalid answer is named at its field', async () => {
      await page.goto(`${server.url}/assess?story=weldon-angelos`);
      await page.fill('#f-conduct-drugs-0-grams', '-5');
      await page.getByRole('button', { name: 'Assess', exact: true }).click();
      await page.waitForSelector('[data-testid="problems"]');
      assert.match(await text('#f-conduct-drugs-0-grams-err'), /greater than 0/);
      assert.equal(
        await page.getAttribute('#f-conduct-drugs-0-grams', 'aria-describedby'),
        'f-conduct-drugs-0-grams-hint f-conduct-drugs-0-grams-err',
      );
      await axeCheck('assess-invalid');
    });

    test('the PDF export downloads a PDF', async () => {
      await page.goto(`${server.url}/assess?story=aron-tuff`);
      const href = await page.getAttribute('a[download]', 'href');
      assert.ok(href?.startsWith('/assess.pdf?c='));
      const res = await page.request.get(`${server.url}${href}`);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'application/pdf');
      assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
    });

    test('stories: the list and one story with what Proportion computes', async () => {
      await page.goto(`${server.url}/stories`);
      assert.ok((await page.locator('.cards li').count()) >= 15);
      await axeCheck('stories');
      await shot('stories');
      await page.getByRole('link', { name: 'Weldon Angelos' }).click();
      await page.waitForSelector('[data-testid="comparison-table"]');
      assert.match((await page.locator('h1').textContent()) ?? '', /Weldon Angelos/);
      assert.ok((await page.locator('tr[data-differs]').count()) > 0);
      await axeCheck('story-angelos');
      await shot('story-angelos');
    });

    test('compare two reforms from the catalog', async () => {
      await page.goto(`${server.url}/compare`);
      await axeCheck('compare-empty');
      await page.selectOption('#cmp-story', 'weldon-angelos');
      for (const box of await page.locator('input[name="scenarios"]').all()) await box.uncheck();
      await page.check('input[name="scenarios"][value="first-step-act-2018"]');
      await page.check('input[name="scenarios"][value="dpa-2019"]');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/compare') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Compare' }).click(),
      ]);
      await page.waitForSelector('[data-testid="comparison-table"]');
      const heads = page.locator('[data-testid="comparison-table"] thead th[data-scenario]');
      assert.deepEqual(
        (await heads.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-scenario')))).sort(),
        ['dpa-2019', 'first-step-act-2018'],
      );
      // the columns are labelled by the scenarios' titles, not their ids
      for (const t of await heads.allTextContents())
        assert.doesNotMatch(t, /^(dpa-2019|first-step-act-2018)$/);
      assert.ok((await page.locator('tr[data-differs]').count()) > 0, 'the two reforms differ for Angelos');
      assert.ok((await page.getByRole('heading', { name: 'Why they differ' }).count()) === 1);
      await axeCheck('compare-result');
      await shot('compare-result');
    });

    test('law: the crack threshold on a date, with its history', async () => {
      await page.goto(
        `${server.url}/law?jurisdiction=US-FED&date=2009-01-01&parameter=threshold.B.cocaine_base`,
      );
      const param = page.locator('[data-parameter="us_fed.usc21_841b.threshold.B.cocaine_base"]');
      assert.match((await param.locator('p strong').first().textContent()) ?? '', /^5 grams/);
      const timeline = (await param.locator('ol.timeline').textContent()) ?? '';
      assert.match(timeline, /2010-08-03/);
      assert.match(timeline, /28 grams/);
      await axeCheck('law');
      await shot('law');
      await page.fill('#law-d', '2012-01-01');
      await Promise.all([
        page.waitForURL(/date=2012-01-01/),
        page.getByRole('button', { name: 'Show the law' }).click(),
      ]);
      await page.waitForFunction(() =>
        document
          .querySelector('[data-parameter="us_fed.usc21_841b.threshold.B.cocaine_base"] p strong')
          ?.textContent?.startsWith('28'),
      );
    });

    test('data: filters, suppression markers, synthetic label, downloads', async () => {
      await page.goto(`${server.url}/data`);
      assert.match(await text('[data-testid="synthetic-banner"]'), /SYNTHETIC/);
      assert.match(await text('[data-testid="row-count"]'), /^9 of 9 rows/);
      assert.ok((await page.locator('td.suppressed').count()) > 0);
      assert.equal(await page.locator('td.suppressed', { hasText: /^0$/ }).count(), 0);
      await axeCheck('data');
      await shot('data');
      await Promise.all([page.waitForURL(/role=courier/), page.selectOption('#d-role', 'courier')]);
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="row-count"]')?.textContent?.startsWith('3 of 9'),
      );
      await page.selectOption('#d-gender', 'female');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="row-count"]')?.textContent?.startsWith('1 of 9'),
      );
      assert.equal(await text('[data-testid="data-table"] tbody td.suppressed'), 'suppressed');
      await shot('data-filtered');
      const links = await page.locator('[data-testid="downloads"] a').allTextContents();
      assert.ok(links.includes('tables/mandatory-minimums.csv'));
      assert.ok(!links.includes('tables/records.csv'), 'row-level tables are never offered');
    });

    test('data: sentence length by group, the quartiles under the median, withheld where the count is', async () => {
      await page.goto(`${server.url}/data?release=terms-fixture&table=sentence_term_by_race_ethnicity`);
      const heads = (await page.locator('[data-testid="data-table"] thead th').allTextContents()).map((h) =>
        h.trim(),
      );
      assert.deepEqual(heads, [
        'Race and ethnicity',
        'Outcome',
        'People',
        'Median term (months) (quartiles)',
        'Quartiles withheld',
      ]);
      const hispanicPrison = page.locator('[data-testid="data-table"] tbody tr').first();
      assert.match(
        ((await hispanicPrison.locator('td').nth(3).textContent()) ?? '').trim(),
        /^\d+\s*quartiles \d+ to \d+$/,
        'the median with its quartiles beneath',
      );
      assert.ok((await page.locator('[data-testid="data-table"] td.suppressed').count()) > 0);
      assert.ok(await page.getByText('Count suppressed').first().isVisible());
      assert.match(await text('figure figcaption'), /first to third quartile/);
      await axeCheck('data-terms');
      await shot('data-terms');
      // the full crossing is paged, and stays within a phone's width and the page-height limit
      await page.goto(
        `${server.url}/data?release=terms-fixture&table=sentence_term_by_race_ethnicity_gender`,
      );
      await shot('data-terms-crossing');
    });

    test('the empty form and the empty compare page', async () => {
      await page.goto(`${server.url}/assess`);
      await axeCheck('assess-empty');
      await shot('assess-empty');
      await page.goto(`${server.url}/compare`);
      await shot('compare-empty');
    });

    test("/assess?c= (the PDF link's own encoding) reopens the filled form and its result", async () => {
      await page.goto(`${server.url}/assess?story=crystal-munoz`);
      const pdf = (await page.getAttribute('a[href^="/assess.pdf?c="]', 'href')) ?? '';
      const encoded = new URL(pdf, server.url).searchParams.get('c');
      assert.ok(encoded);
      await page.goto(`${server.url}/assess?c=${encoded}`);
      assert.match(await text('[data-field="mandatory-minimum"]'), /10 years \(120 months\)/);
      assert.match(await text('[data-field="safety-valve"]'), /depends on open questions/);
      assert.equal(await page.inputValue('#f-offense_date'), '2005-06-01');
      assert.equal(
        await page.locator('#f-conduct-activities-group input[value="gave_directions"]').isChecked(),
        true,
      );
      await shot('assess-reopened');
    });

    test('the result page is a permalink: answering a question pushes it, reopening it reproduces the result', async () => {
      await page.goto(`${server.url}/assess?story=crystal-munoz`);
      await page.selectOption('#f-cooperation-truthful_disclosure', 'yes');
      await Promise.all([
        page.waitForURL(/\/assess\?c=[A-Za-z0-9_-]+&law=[0-9a-f]{12}$/),
        page.getByRole('button', { name: 'Assess', exact: true }).click(),
      ]);
      await page.waitForFunction(() =>
        document.querySelector('[data-field="safety-valve"]')?.textContent?.includes('eligible'),
      );
      const link = page.url();
      assert.equal(
        new URL((await page.getAttribute('[data-testid="permalink"]', 'href')) ?? '', server.url).href,
        link,
      );
      const minimum = await text('[data-field="mandatory-minimum"]');
      await page.goto('about:blank');
      await page.goto(link);
      assert.equal(await text('[data-field="safety-valve"]'), 'eligible');
      assert.equal(await text('[data-field="mandatory-minimum"]'), minimum);
      assert.equal(await page.inputValue('#f-cooperation-truthful_disclosure'), 'yes');
      assert.equal(await page.locator('[data-testid="law-changed"]').count(), 0);
      // A link made with other law data says so, and still computes the result.
      await page.goto(link.replace(/law=[0-9a-f]{12}/, 'law=000000000000'));
      assert.match(await text('[data-testid="law-changed"]'), /law data has changed/);
      assert.equal(await text('[data-field="safety-valve"]'), 'eligible');
    });

    test('a case file is saved and opened again', async () => {
      await page.goto(`${server.url}/assess?story=weldon-angelos`);
      const href = (await page.getAttribute('a[href^="/assess.json?c="]', 'href')) ?? '';
      const saved = await page.request.get(`${server.url}${href}`);
      assert.equal(saved.status(), 200);
      assert.match(
        saved.headers()['content-disposition'] ?? '',
        /attachment; filename="proportion-weldon-angelos\.json"/,
      );
      assert.deepEqual(await saved.json(), JSON.parse(caseJson('weldon-angelos')));
      await page.goto(`${server.url}/assess`);
      await page.locator('#case-file summary').click();
      await page.setInputFiles('#f-case_file', {
        name: 'angelos.json',
        mimeType: 'application/json',
        buffer: Buffer.from(await saved.body()),
      });
      await Promise.all([
        page.waitForURL(/\/assess\?c=/),
        page.getByRole('button', { name: 'Open and assess' }).click(),
      ]);
      assert.match(await text('[data-field="mandatory-minimum"]'), /660 months|55 years/);
      // A file that is not JSON is named, at its field.
      await page.goto(`${server.url}/assess`);
      await page.locator('#case-file summary').click();
      await page.setInputFiles('#f-case_file', {
        name: 'x.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{oops'),
      });
      await page.getByRole('button', { name: 'Open and assess' }).click();
      await page.waitForSelector('[data-testid="problems"]');
      assert.match((await page.content()) ?? '', /case_file<\/code>: not valid JSON/);
    });

    test('law: searchable by common names, collapsed by default, tables as tables', async () => {
      await page.goto(`${server.url}/law?jurisdiction=US-FED&date=2026-01-01`);
      assert.equal(await page.locator('#law-results details[open]').count(), 0, 'collapsed by default');
      for (const [word, id] of [
        ['crack', 'us_fed.usc21_841b.threshold.B.cocaine_base'],
        ['powder', 'us_fed.usc21_841b.threshold.B.cocaine'],
        ['meth', 'us_fed.usc21_841b.threshold.B.methamphetamine'],
        ['fentanyl', 'us_fed.usc21_841b.threshold.B.fentanyl'],
      ] as const) {
        await page.goto(`${server.url}/law?jurisdiction=US-FED&date=2026-01-01&parameter=${word}`);
        assert.equal(await page.locator(`[data-parameter="${id}"]`).count(), 1, `${word} finds ${id}`);
      }
      assert.equal(
        await page.locator('[data-parameter="us_fed.usc21_841b.threshold.B.cocaine_base"]').count(),
        0,
        'powder is not crack',
      );
      await page.goto(`${server.url}/law?jurisdiction=US-FED&date=2026-01-01&parameter=crack`);
      const dqt = page.locator('[data-parameter="us_fed.ussg.dqt.cocaine_base"]');
      await dqt.locator('details summary').first().click();
      assert.ok(
        (await dqt.locator('table.param-table tbody tr').count()) > 10,
        'the Drug Quantity Table is a table',
      );
      await shot('law-search-crack');
    });

    test('data: the chart draws each estimate inside its own interval; values in the file are shown', async () => {
      await page.goto(`${server.url}/data?release=disparity-fixture&table=disparity`);
      const rows = await page.locator('svg.chart g.bar-row').evaluateAll((gs) =>
        gs
          .map((g) => {
            const bar = g.querySelector('rect.estimate');
            const ci = g.querySelector('line.interval');
            return bar && ci
              ? {
                  end: Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')),
                  lo: Number(ci.getAttribute('x1')),
                  hi: Number(ci.getAttribute('x2')),
                }
              : null;
          })
          .filter((r) => r !== null),
      );
      assert.equal(rows.length, 3, 'three rows with an estimate and an interval');
      for (const r of rows) assert.ok(r.lo <= r.end + 0.1 && r.end <= r.hi + 0.1, JSON.stringify(r));
      const table = page.locator('[data-testid="data-table"]');
      // the estimate is a measure; its label column is shown once, in place of the code
      assert.equal(await table.locator('th', { hasText: /^Group label$/ }).count(), 0);
      assert.ok((await table.locator('td', { hasText: 'Black, not Hispanic' }).count()) > 0);
      // the Hispanic row has no share in the file: not suppressed, just not given
      const hispanic = table.locator('tr', { hasText: 'Hispanic or Latino/a/x' });
      assert.equal(await hispanic.locator('td.suppressed').count(), 0);
      // the suppressed row reads "suppressed" where the file says so
      const nhpi = table.locator('tr', { hasText: 'Native Hawaiian' });
      assert.ok((await nhpi.locator('td.suppressed').count()) >= 2);
      await axeCheck('data-disparity');
      await shot('data-disparity');
    });

    test('every story, told and assessed, fits a phone and names no contract id', async () => {
      const slugs = (
        JSON.parse(readFileSync(join(ROOT, 'examples/stories.json'), 'utf8')) as { slug: string }[]
      ).map((x) => x.slug);
      assert.ok(slugs.length >= 15);
      for (const slug of slugs)
        for (const path of [`/stories/${slug}`, `/assess?story=${slug}`, `/compare?story=${slug}`]) {
          await page.goto(`${server.url}${path}`);
          await phone(path, false);
        }
    });

    /** Submits the current step and waits for the page it gets back (the next step, or this one again). */
    async function nextStep(label = 'Next'): Promise<void> {
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/assess/steps') && r.request().method() === 'POST'),
        page.getByRole('button', { name: label, exact: true }).click(),
      ]);
      await page.waitForFunction(
        () => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling'),
      );
    }
    const asked = async () =>
      page
        .locator('#steps-workspace form [name]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('name')));

    test('step by step, a federal story (Crystal Munoz): only what the law needs, the answer growing, a permalink', async () => {
      await page.goto(`${server.url}/assess/steps`);
      assert.match(await text('#step-heading'), /Step 1 of 5: Where and when/);
      await axeCheck('steps-1');
      await shot('steps-1');
      await page.selectOption('#f-jurisdiction', 'US-FED');
      await page.fill('#f-offense_date', '2005-06-01');
      await page.fill('#f-conviction_date', '2008-03-01');
      await page.fill('#f-sentencing_date', '2008-06-01');
      await nextStep();
      assert.match(await text('#step-heading'), /Step 2 of 5: What was found/);
      assert.match(page.url(), /\/assess\/steps\?step=2&c=/, 'each step is a permalink');
      assert.equal(await page.locator('[data-testid="no-result-yet"]').count(), 1);
      await page.selectOption('#f-conduct-drugs-0-substance', 'marijuana');
      await page.fill('#f-conduct-drugs-0-grams', '1000000');
      await page.selectOption('#f-conduct-drugs-0-basis', 'attributed');
      await nextStep();
      assert.match(await text('#step-heading'), /What the person did/);
      await page.check('input[name="conduct.activities"][value="gave_directions"]');
      await page.selectOption('#f-conduct-compensation', 'none');
      await nextStep();
      // the answer first appears as soon as the facts make a case, and grows with each step
      assert.match(await text('[data-testid="step-result"]'), /10 years/);
      assert.match(await text('#step-heading'), /Prior record/);
      await shot('steps-4-federal');
      await nextStep();
      assert.match(await text('#step-heading'), /Firearms, cooperation and the person/);
      const fields = await asked();
      assert.ok(
        fields.includes('cooperation.truthful_disclosure'),
        'a federal case is asked the safety valve',
      );
      assert.ok(fields.includes('conduct.firearm_counts'), 'and the 924(c) counts');
      await page.selectOption('#f-conduct-weapon', 'none');
      await page.selectOption('#f-cooperation-accepted_responsibility', 'no');
      // "I don't know" to the safety-valve proffer: both bounds, with the question
      const bound = page.locator('[data-testid="bounds"] [data-bound="mandatory_minimum"]');
      assert.match((await bound.textContent()) ?? '', /10 years \(120 months\) at worst; 0 months at best/);
      assert.match((await bound.textContent()) ?? '', /tell the government everything/);
      await axeCheck('steps-5-federal');
      await shot('steps-5-federal');
      await Promise.all([page.waitForURL(/\/assess\?c=/), nextStep('See the full result')]);
      assert.match(await text('[data-field="mandatory-minimum"]'), /10 years \(120 months\)/);
      assert.match(await text('[data-field="safety-valve"]'), /depends on open questions/);
      const link = page.url();
      const result = await text('[data-testid="keyfacts"]');
      await page.goto('about:blank');
      await page.goto(link);
      assert.equal(await text('[data-testid="keyfacts"]'), result, 'the permalink reproduces the result');
      // the same as the story's own case, entered at once
      await page.goto(`${server.url}/assess?story=crystal-munoz`);
      assert.equal(
        await text('[data-field="mandatory-minimum"]'),
        await text('[data-field="mandatory-minimum"]'),
      );
    });

    test("step by step, a state story (Aron Tuff, Georgia): the state's questions, not the federal ones", async () => {
      await page.goto(`${server.url}/assess/steps`);
      await page.selectOption('#f-jurisdiction', 'US-GA');
      await page.fill('#f-offense_date', '1995-06-15');
      await page.fill('#f-sentencing_date', '1995-10-15');
      await nextStep();
      await page.selectOption('#f-conduct-drugs-0-substance', 'cocaine');
      await page.fill('#f-conduct-drugs-0-grams', '0.3');
      await page.selectOption('#f-conduct-drugs-0-basis', 'possessed');
      await nextStep();
      await page.check('input[name="conduct.activities"][value="possessed"]');
      await page.check('input[name="evidence.indicia"][value="hand_motions"]');
      await page.check('input[name="evidence.indicia"][value="cash"]');
      await nextStep();
      // cash found as evidence: the state's indicia review now reads how much, so the step asks it first
      assert.match(await text('[data-testid="step-note"]'), /Cash found/);
      assert.equal(await page.locator('#f-evidence-cash_usd').count(), 1);
      await page.fill('#f-evidence-cash_usd', '90');
      await nextStep();
      assert.match(await text('#step-heading'), /Prior record/);
      // an invalid answer is named at its field and keeps the step
      await page.getByRole('button', { name: 'Add a prior conviction' }).click();
      await page.waitForSelector('#f-history-priors-0-date');
      await page.fill('#f-history-priors-0-date', '1985-06-01');
      await page.selectOption('#f-history-priors-0-kind', 'drug_distribution');
      await nextStep();
      assert.match(await text('#f-history-priors-0-felony-err'), /required|expected boolean/i);
      await page.selectOption('#f-history-priors-0-felony', 'yes');
      await nextStep();
      assert.match(await text('#step-heading'), /Firearms, cooperation and the person/);
      const fields = await asked();
      assert.ok(!fields.includes('cooperation.truthful_disclosure'), 'no federal safety-valve question');
      assert.ok(!fields.includes('conduct.firearm_counts'), 'no 924(c) counts');
      assert.ok(fields.includes('conduct.weapon'), "Georgia's firearm rule reads the weapon");
      assert.match(await text('[data-testid="step-result"]'), /mandatory minimum life/i);
      await axeCheck('steps-5-state');
      await phone('steps-5-state');
      await Promise.all([page.waitForURL(/\/assess\?c=/), nextStep('See the full result')]);
      assert.match(await text('[data-field="mandatory-minimum"]'), /life/);
      assert.match(await text('[data-field="charge"]'), /intent to distribute/);
    });

    test('step by step without JavaScript: plain posts and redirects', async () => {
      const plain = await context.browser()?.newContext({ javaScriptEnabled: false });
      const p = plain ? await plain.newPage() : await context.newPage();
      try {
        await p.goto(`${server.url}/assess/steps`);
        await p.fill('#f-offense_date', '2005-06-01');
        await Promise.all([p.waitForURL(/step=2/), p.getByRole('button', { name: 'Next' }).click()]);
        assert.match((await p.locator('#step-heading').textContent()) ?? '', /What was found/);
      } finally {
        await p.close();
      }
    });

    test('no request left the app', () => {
      assert.deepEqual(external, []);
    });

    test('nothing the app does is blocked by its Content-Security-Policy', () => {
      assert.deepEqual(blocked, []);
    });
  });
}
