import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compare } from '../../src/engine/compare.ts';
import { parseCase } from '../../src/model/case.ts';
import { expectedTerm } from '../../src/model/expected-term.ts';
import { renderComparison } from '../../src/web/compare-view.ts';

/** Issue 16 item 5: the compare page charts the expected term under each scenario. */
describe('compare: a chart of the expected term under each scenario', () => {
  it('draws one bar per scenario, labelled with its term (Angelos: 55 years at sentencing, less today)', () => {
    const parsed = parseCase(JSON.parse(readFileSync('examples/cases/weldon-angelos.json', 'utf8')));
    assert.ok(parsed.ok);
    const c = compare(parsed.case, ['law_at_sentencing', 'law_today', 'dpa-2019'], {
      evaluationDate: '2026-11-28',
    });
    const page = String(renderComparison(c));
    const chart = page.slice(
      page.indexOf('term-chart-title'),
      page.indexOf('</svg>', page.indexOf('term-chart-title')),
    );
    const rows = [...chart.matchAll(/data-scenario="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(rows, ['law_at_sentencing', 'law_today', 'dpa-2019']);
    const terms = c.assessments.map((a) => expectedTerm(a.exposure)?.months ?? null);
    // at sentencing the 924(c) stack alone is 660 months; today's law ends the stacking
    assert.ok(typeof terms[0] === 'number' && terms[0] >= 660, String(terms[0]));
    assert.ok(typeof terms[1] === 'number' && terms[1] < terms[0], String(terms[1]));
    const widths = [...chart.matchAll(/<rect x="4" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, terms.filter((t) => t !== null).length);
    assert.ok((widths[0] ?? 0) > (widths[1] ?? 0), 'the longer term draws the longer bar');
  });
});
