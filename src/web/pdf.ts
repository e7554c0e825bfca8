import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content } from 'pdfmake';
import pdfmake from 'pdfmake';
import { range, term, usd } from '../messages/format.ts';
import { caseFacts, ENUM_LABELS, enumLabel, labelIds, scenarioLabel } from '../messages/labels.ts';
import type { Assessment } from '../model/assessment.ts';
import { missingText, openQuestions } from './result.ts';

/** The assessment as a PDF, server-side (pdfmake with its bundled Roboto; no network, no other files). */
const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
let ready = false;
function setup(): void {
  if (ready) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => p.startsWith(FONT_DIR));
  ready = true;
}

const cite = (c: readonly string[] | undefined): Content =>
  c?.length ? { text: `Source: ${[...new Set(c)].join('; ')}`, style: 'cite' } : { text: '' };

/**
 * The assessment as a PDF: key figures, the facts entered (so the page stands on its own), the
 * reasons, and on every page the scenario and "page N of M".
 */
export interface PdfOptions {
  facts?: unknown;
  scenarioTitles?: Record<string, string>;
  permalink?: string;
}
export async function assessmentPdf(a: Assessment, opts: PdfOptions = {}): Promise<Buffer> {
  setup();
  return pdfmake.createPdf(pdfDocument(a, opts)).getBuffer();
}

/** The document definition (pdfmake), kept apart so its content can be tested as data. */
export function pdfDocument(a: Assessment, opts: PdfOptions = {}): Parameters<typeof pdfmake.createPdf>[0] {
  const e = a.exposure;
  const g = e?.guidelines ?? null;
  const best = a.findings.find((f) => f.code === 'exposure.mandatory_minimum.best_case');
  const cost = a.consequences?.cost ?? null;
  const open = openQuestions(a);
  const row = (label: string, value: string, citations?: readonly string[]): Content[] => [
    { text: label, bold: true },
    { stack: [{ text: value }, cite(citations)] },
  ];
  const keyRows: Content[][] = [
    row(
      'Role in the supply chain',
      a.role ? ENUM_LABELS.function[a.role.function] : 'not classified',
      a.role?.citations,
    ),
    row(
      'Charge under current practice',
      (a.charges ?? []).map((c) => c.description).join('; ') || 'not charged, or not computed',
      (a.charges ?? []).flatMap((c) => c.citations),
    ),
    row(
      'Statutory range',
      e && e.statutory.minimum_months !== null && e.statutory.maximum_months !== null
        ? range([e.statutory.minimum_months, e.statutory.maximum_months])
        : 'not computed',
      e?.statutory.citations,
    ),
    row(
      'Mandatory minimum',
      `${e && e.mandatory_minimum_months !== null ? term(e.mandatory_minimum_months) : 'not computed'}${best ? `; if the open questions go the person's way: ${term(best.values?.months)}` : ''}`,
      e ? [...e.statutory.citations, ...e.firearms.citations] : [],
    ),
    row(
      'Safety valve',
      e
        ? e.safety_valve.eligible === true
          ? 'eligible'
          : e.safety_valve.eligible === false
            ? 'not eligible'
            : 'depends on open questions'
        : 'not applicable',
      e?.safety_valve.citations,
    ),
    row(
      'Guideline range (advisory)',
      g
        ? `${range(g.range_months)} (offense level ${g.offense_level}, category ${g.criminal_history_category})`
        : 'not computed',
      g?.citations,
    ),
    row(
      "The report's screen",
      a.screen ? ENUM_LABELS.recommendation[a.screen.recommendation] : 'not applied',
    ),
    row(
      'Cost of the time expected to be served',
      cost
        ? `${usd(cost.usd)} (${cost.person_years} person-years at ${usd(cost.rate_usd_per_year)} a year${cost.cost_of_term_imposed ? `; the whole term imposed: ${usd(cost.cost_of_term_imposed.usd)}` : ''})`
        : 'not computed',
      cost?.citations,
    ),
  ];
  const list = (items: { text: string; citations?: readonly string[] }[]): Content => ({
    ul: items.map((i) => ({ stack: [{ text: i.text }, cite(i.citations)] })),
  });
  const scenario = scenarioLabel(a.scenario, opts.scenarioTitles);
  const facts = caseFacts(opts.facts);
  const content: Content[] = [
    { text: `Proportion assessment${a.case_id ? `: ${a.case_id}` : ''}`, style: 'h1' },
    { text: scenario, style: 'h2', margin: [0, 0, 0, 4] },
    {
      text: `${a.jurisdiction}; conduct ${a.dates.offense}, sentencing ${a.dates.sentencing}; law of ${a.dates.statute_law}${a.dates.guidelines_manual ? `, Guidelines Manual ${a.dates.guidelines_manual}` : ''}; evaluated ${a.dates.evaluation}.`,
    },
    { text: 'Key figures', style: 'h2' },
    { table: { widths: [150, '*'], body: keyRows }, layout: 'lightHorizontalLines' },
  ];
  if (facts.length)
    content.push(
      { text: 'The facts entered', style: 'h2' },
      {
        table: {
          widths: [200, '*'],
          body: facts.map(([label, value]): Content[] => [{ text: label, bold: true }, { text: value }]),
        },
        layout: 'lightHorizontalLines',
      },
      { text: 'Facts not listed were not known ("I don\'t know").', style: 'cite' },
    );
  if (open.missing.length || open.questions.length)
    content.push(
      { text: 'Questions that would settle the result', style: 'h2' },
      list([
        ...open.missing.map((m) => ({ text: missingText(m) })),
        ...open.questions.map((q) => ({ text: q.question })),
      ]),
    );
  if (a.role)
    content.push(
      { text: 'Role', style: 'h2' },
      list(a.role.reasons.map((r) => ({ text: labelIds(r) }))),
      cite(a.role.citations),
    );
  if (a.indicia.length)
    content.push(
      { text: 'Evidence review', style: 'h2' },
      list(
        a.indicia.map((v) => ({
          text: `${enumLabel('indicium', v.indicium)}: ${enumLabel('strength', v.strength).toLowerCase()}. ${labelIds(v.reasons.join(' '))}`,
          citations: v.citations,
        })),
      ),
    );
  if (a.screen)
    content.push(
      { text: `The report's charging screen (${a.screen.policy})`, style: 'h2' },
      list(a.screen.rules.map((r) => ({ text: labelIds(r.message), citations: r.citations }))),
    );
  if (a.consequences) {
    const items: { text: string; citations?: readonly string[] }[] = [];
    for (const [name, v] of Object.entries(a.consequences)) {
      if (!v || typeof v !== 'object' || name === 'cost') continue;
      const x = v as { reasons?: string[]; citations?: string[] };
      for (const r of x.reasons ?? [])
        items.push({ text: `${enumLabel('consequence', name)}: ${labelIds(r)}` });
      if (x.citations?.length) items.push({ text: '', citations: x.citations });
    }
    if (items.length) content.push({ text: 'Consequences', style: 'h2' }, list(items));
  }
  content.push(
    { text: 'All findings', style: 'h2' },
    list(a.findings.map((f) => ({ text: `[${f.severity}] ${f.message}`, citations: f.citations }))),
    {
      text: `Engine ${a.stamp.engine}; law data ${String(a.stamp.law_data)}. Not legal advice.${opts.permalink ? ` This result online: ${opts.permalink}` : ''}`,
      style: 'cite',
      margin: [0, 12, 0, 0],
    },
  );
  return {
    info: { title: `Proportion assessment${a.case_id ? ` ${a.case_id}` : ''}`, creator: 'Proportion' },
    pageSize: 'LETTER',
    pageMargins: [48, 48, 48, 56],
    content,
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: `Proportion assessment${a.case_id ? `: ${a.case_id}` : ''}. ${scenario}`, style: 'cite' },
        { text: `Page ${page} of ${pages}`, style: 'cite', alignment: 'right', width: 80 },
      ],
      margin: [48, 16, 48, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      cite: { fontSize: 8, color: '#444444' },
    },
  };
}
