import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess } from '../../src/engine/assess.ts';
import { parseCase } from '../../src/model/case.ts';
import { assessmentPdf, pdfDocument } from '../../src/web/pdf.ts';
import { caseJson, TODAY } from './helpers.ts';

/** The PDF as data (pdfmake's document): the facts entered, the scenario's title, page numbers. */
const texts = (node: unknown): string[] => {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
};

describe('the assessment PDF', () => {
  const parsed = parseCase(JSON.parse(caseJson('crystal-munoz')));
  if (!parsed.ok) throw new Error('crystal-munoz does not validate');
  const a = assess(parsed.case, { evaluationDate: TODAY });
  const doc = pdfDocument(a, { facts: parsed.case, permalink: 'https://example.org/assess?c=x' });
  const all = texts(doc.content).join('\n');

  it('lists the facts entered, each by its label', () => {
    assert.match(all, /The facts entered/);
    assert.match(all, /What the person did\nGave directions/);
    assert.match(all, /Drug 1: Substance\nMarijuana/);
    assert.match(all, /Drug 1: How the quantity is linked to the person\nAttributed/);
  });

  it('names the scenario by its title, and no contract id appears', () => {
    assert.match(all, /The law that governs the case/);
    assert.doesNotMatch(all, /law_in_force|employee_worker|gave_directions|cooperation\.truthful_disclosure/);
  });

  it('numbers its pages in the footer and carries the permalink', () => {
    const footer = doc.footer as (page: number, pages: number) => unknown;
    assert.match(texts(footer(2, 3)).join(' '), /Page 2 of 3/);
    assert.match(all, /https:\/\/example\.org\/assess\?c=x/);
  });

  it('renders to a PDF', async () => {
    const buf = await assessmentPdf(a, { facts: parsed.case });
    assert.equal(buf.subarray(0, 5).toString(), '%PDF-');
  });
});
