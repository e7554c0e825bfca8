import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../src/api/server.ts';
import { dataDirWithFixture, ROOT, TODAY } from './helpers.ts';

/**
 * The web app in a real browser (Debian's chromium driven by playwright-core): every page loads and
 * passes axe-core without serious or critical violations; a story is assessed; a fact is changed and
 * the result changes; two reforms are compared; the data page is filtered. Screenshots: test-results/.
 */
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results');
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
      server = await startServer({
        port: 0,
        dataDir: dataDirWithFixture(),
        demo: false,
        log: false,
        announce: false,
        today: () => TODAY,
      });
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
    async function shot(name: string, mobile = true): Promise<void> {
      await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: false });
      if (mobile) {
        await page.setViewportSize({ width: 375, height: 812 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.screenshot({ path: join(SHOTS, `${name}-375.png`), fullPage: false });
        await page.setViewportSize({ width: 1280, height: 900 });
        assert.ok(overflow <= 1, `${name}: the page is ${overflow}px wider than a 375px screen`);
      }
    }
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
      await shot('assess-munoz-open-question', false);
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
      await shot('assess-munoz-answered', false);

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
      const heads = await page.locator('[data-testid="comparison-table"] thead th code').allTextContents();
      assert.deepEqual(heads.sort(), ['dpa-2019', 'first-step-act-2018']);
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
      await shot('data-filtered', false);
      const links = await page.locator('[data-testid="downloads"] a').allTextContents();
      assert.ok(links.includes('tables/mandatory-minimums.csv'));
      assert.ok(!links.includes('tables/records.csv'), 'row-level tables are never offered');
    });

    test('no request left the app', () => {
      assert.deepEqual(external, []);
    });

    test('nothing the app does is blocked by its Content-Security-Policy', () => {
      assert.deepEqual(blocked, []);
    });
  });
}
