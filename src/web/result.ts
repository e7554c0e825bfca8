import type { Answer } from '../engine/answer.ts';
import { questionCode } from '../engine/questions.ts';
import { range, term, usd } from '../messages/format.ts';
import { ENUM_LABELS, enumLabel, labelIds, scenarioLabel } from '../messages/labels.ts';
import { boundQuestions, boundText, questionText } from '../messages/questions.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Finding } from '../model/finding.ts';
import { cites, type H, html, human } from './html.ts';

/** What the rules could not settle: fields to ask for, and questions the law leaves open. */
export interface OpenQuestions {
  /** case paths the engine asks for (the assessment's typed questions) */
  missing: string[];
  /** questions in words that no single field answers (values.question of consequence findings) */
  questions: { code: string; question: string; field?: string }[];
}

/** What a state engine adds, in words: the offense and class, the grid's minimum, the release rule. */
function stateSummary(st: NonNullable<NonNullable<Assessment['exposure']>['state']>): string {
  const parts = [
    `${st.offense.description}${st.offense.class && st.offense.class !== 'felony' ? ` (class ${st.offense.class})` : ''}`,
  ];
  if (st.grid)
    parts.push(
      st.grid.minimum_months === null
        ? `${human(st.grid.kind)}: minimum not computed`
        : `${human(st.grid.kind)} minimum ${term(st.grid.minimum_months)}${st.grid.binding ? '' : ' (advisory)'}`,
    );
  const r = st.release;
  parts.push(
    r.parole_eligible === false && r.served_fraction === 1
      ? 'served in full, without parole'
      : r.served_fraction !== null
        ? `at least ${Math.round(r.served_fraction * 100)}% served`
        : r.parole_eligible
          ? 'parole eligible (share served not in the knowledge base)'
          : 'release rules not in the knowledge base',
  );
  return parts.join('; ');
}

export function openQuestions(a: Assessment): OpenQuestions {
  const typed = a.questions ?? [];
  const asked = new Set(typed.map((q) => q.finding));
  const questions: OpenQuestions['questions'] = [];
  for (const f of a.findings) {
    const q = f.values?.question;
    if (typeof q === 'string' && !asked.has(f.code)) questions.push({ code: f.code, question: q });
  }
  return { missing: typed.map((q) => q.path), questions };
}

/** A case path's question in words (src/messages/questions.ts). */
export function missingText(path: string): string {
  return questionText({ path, code: questionCode(path), finding: '' });
}

const fieldAnchor = (path: string) => `#f-${(path.split(' ')[0] as string).replaceAll('.', '-')}`;

const byPrefix = (a: Assessment, ...prefixes: string[]): Finding[] =>
  a.findings.filter((f) => prefixes.some((p) => f.code.startsWith(p)));

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;
/** One finding; its sources are left to the next one when both cite the same (said once, after the pair). */
const findingItem = (f: Finding, i: number, all: readonly Finding[]): H =>
  html`<li class="sev-${f.severity}">${f.severity === 'critical' ? html`<strong>${f.message}</strong>` : f.message}${sameCitations(f, all[i + 1]) ? '' : cites(f.citations)}</li>`;
const sameCitations = (f: Finding, next: Finding | undefined): boolean =>
  next !== undefined &&
  f.citations.length > 0 &&
  f.citations.length === next.citations.length &&
  f.citations.every((c, k) => c === next.citations[k]);
/**
 * Findings, the most severe first. A long list shows its first few and folds the rest away, so a
 * result stays readable on a phone; every finding is still one click away (and listed in full in the PDF).
 */
const findingList = (list: Finding[], show = 3): H => {
  if (!list.length) return html``;
  const sorted = [...list].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const head = sorted.length > show + 1 ? sorted.slice(0, show) : sorted;
  const rest = sorted.slice(head.length);
  return html`<ul class="findings">${head.map(findingItem)}</ul>${rest.length ? html`<details class="more"><summary>${rest.length} more finding${rest.length === 1 ? '' : 's'}</summary><ul class="findings">${rest.map(findingItem)}</ul></details>` : ''}`;
};

const yesNo = (v: boolean | null | undefined, yes: string, no: string, unknown = 'undetermined') =>
  v === true ? yes : v === false ? no : unknown;

/** The result, readable by a non-lawyer: key numbers first, each with its citation; then the reasons. */
export function renderResult(
  a: Assessment,
  opts: {
    pdfHref?: string;
    title?: string;
    headingId?: string;
    scenarioTitles?: Record<string, string>;
  } = {},
): H {
  const e = a.exposure;
  const best = a.findings.find((f) => f.code === 'exposure.mandatory_minimum.best_case');
  const open = openQuestions(a);
  const charges = a.charges ?? [];
  const g = e?.guidelines ?? null;
  const cost = a.consequences?.cost ?? null;
  const statutoryKnown = e && e.statutory.minimum_months !== null && e.statutory.maximum_months !== null;
  return html`<section class="result" aria-labelledby="${opts.headingId ?? 'result-heading'}">
<h2 id="${opts.headingId ?? 'result-heading'}" tabindex="-1">${opts.title ?? 'Result'}${a.case_id ? html`: <span class="mono">${a.case_id}</span>` : ''}</h2>
<p>Jurisdiction <strong>${a.jurisdiction}</strong>; conduct on ${a.dates.offense}, sentencing ${a.dates.sentencing}; the law applied is that of <strong>${a.dates.statute_law}</strong>${a.dates.guidelines_manual ? html` with the Guidelines Manual of ${a.dates.guidelines_manual}` : ''}. Scenario: <strong>${scenarioLabel(a.scenario, opts.scenarioTitles)}</strong>.</p>
<dl class="keyfacts" data-testid="keyfacts">
<div><dt>Role in the supply chain</dt><dd><span data-field="role">${a.role ? ENUM_LABELS.function[a.role.function] : 'not classified'}</span>${cites(a.role?.citations)}</dd></div>
<div><dt>Charge under current practice</dt><dd><span data-field="charge">${charges.length ? charges.map((c) => c.description).join('; ') : 'not charged, or not computed'}</span>${cites(charges.flatMap((c) => c.citations))}</dd></div>
<div><dt>Statutory range</dt><dd><span data-field="statutory">${statutoryKnown && e ? range([e.statutory.minimum_months, e.statutory.maximum_months]) : 'not computed (see below)'}</span>${cites(e?.statutory.citations)}</dd></div>
<div><dt>Mandatory minimum, all counts</dt><dd><span data-field="mandatory-minimum">${e && e.mandatory_minimum_months !== null ? term(e.mandatory_minimum_months) : 'not computed'}${best ? html`<span class="bound">If the open questions go the person's way: <strong>${term(best.values?.months)}</strong></span>` : ''}</span>${cites(e ? [...e.statutory.citations, ...e.firearms.citations] : [])}</dd></div>
${e && e.firearms.consecutive_minimum_months !== 0 ? html`<div><dt>${e.state ? 'Firearm terms, consecutive' : 'Firearm (924(c)) terms, consecutive'}</dt><dd><span data-field="firearms">${term(e.firearms.consecutive_minimum_months)}</span>${cites(e.firearms.citations)}</dd></div>` : ''}
<div><dt>Safety valve</dt><dd><span data-field="safety-valve">${e ? yesNo(e.safety_valve.eligible, 'eligible', 'not eligible', 'depends on open questions') : 'not applicable'}</span>${cites(e?.safety_valve.citations)}</dd></div>
<div><dt>Guideline range (advisory)</dt><dd><span data-field="guidelines">${g ? range(g.range_months) : 'not computed'}</span>${g ? html`<p class="cite">Offense level ${g.offense_level}, criminal history category ${g.criminal_history_category}</p>` : ''}${cites(g?.citations)}</dd></div>
${e?.state ? html`<div><dt>State sentencing (${e.state.engine})</dt><dd><span data-field="state">${stateSummary(e.state)}</span>${cites(e.state.citations)}</dd></div>` : ''}
<div><dt>The report's screen recommends</dt><dd><span data-field="screen">${a.screen ? ENUM_LABELS.recommendation[a.screen.recommendation] : 'not applied'}</span>${cites(a.screen ? [`${a.screen.policy}`] : [])}</dd></div>
<div><dt>Cost of the time to be served</dt><dd><span data-field="cost">${cost ? usd(cost.usd) : 'not computed'}</span>${cost ? html`<p class="cite">${cost.person_years} person-years at ${usd(cost.rate_usd_per_year)} a year</p>` : ''}${cites(cost?.citations)}</dd></div>
</dl>
${
  open.missing.length || open.questions.length
    ? html`<div class="notice warn" data-testid="open-questions"><h3>Questions that would settle the result</h3>
<p>You answered "I don't know" (or left blank) facts the rules need. The numbers above show the worst case and, where it differs, the best case.</p>
<ul>${open.missing.map((m) => html`<li><a href="${fieldAnchor(m)}">${missingText(m)}</a></li>`)}${open.questions.map(
        (q) =>
          html`<li>${q.field ? html`<a href="${fieldAnchor(q.field)}">${q.question}</a>` : q.question}</li>`,
      )}</ul></div>`
    : ''
}
${opts.pdfHref ? html`<div class="actions no-print"><a class="button secondary" href="${opts.pdfHref}" download>Download PDF</a><button type="button" class="secondary" data-action="print">Print</button></div>` : ''}

${a.role ? html`<h3>Role in the supply chain</h3><p><strong>${ENUM_LABELS.function[a.role.function]}</strong>.</p><ul>${a.role.reasons.map((r) => html`<li>${labelIds(r)}</li>`)}</ul>${cites(a.role.citations)}${findingList(byPrefix(a, 'role.').filter((f) => !f.code.includes('.data.')))}` : ''}

<h3>Evidence review: the indicia of sale</h3>
${
  a.indicia.length
    ? html`<div class="table-wrap" tabindex="0"><table><caption class="visually-hidden">Each piece of evidence and how strong it is</caption><thead><tr><th scope="col">Evidence</th><th scope="col">Strength</th><th scope="col">Why</th></tr></thead><tbody>${a.indicia.map(
        (v) =>
          html`<tr><th scope="row">${enumLabel('indicium', v.indicium)}</th><td>${enumLabel('strength', v.strength)}</td><td>${labelIds(v.reasons.join(' '))}${cites(v.citations)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>No indicia of sale were entered.</p>`
}
${findingList(byPrefix(a, 'indicia.').filter((f) => !f.code.includes('.data.') && !f.code.startsWith('indicia.weak.') && !f.code.startsWith('indicia.moderate.') && !f.code.startsWith('indicia.strong.')))}

${
  e
    ? html`<h3>Sentencing exposure</h3>
${findingList(byPrefix(a, 'charge.', 'exposure.', 'dates.', 'law.'))}
${
  g?.steps?.length
    ? html`<details><summary>How the guideline offense level was computed</summary><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Step</th><th scope="col">Levels</th><th scope="col">Level after</th><th scope="col">Source</th></tr></thead><tbody>${g.steps.map(
        (s) =>
          html`<tr><td>${enumLabel('guideline_step', s.code.replace('guidelines.', ''))}</td><td class="num">${s.levels}</td><td class="num">${s.level_after}</td><td><cite>${s.citation}</cite></td></tr>`,
      )}</tbody></table></div></details>`
    : ''
}
${findingList(byPrefix(a, 'guidelines.'))}`
    : ''
}

${
  a.screen
    ? html`<h3>The report's charging screen (${a.screen.policy})</h3>
<p>Recommendation: <strong>${ENUM_LABELS.recommendation[a.screen.recommendation]}</strong>.</p>
<ul>${a.screen.rules.map((r) => html`<li>${labelIds(r.message)}${cites(r.citations)}</li>`)}</ul>`
    : ''
}

${
  a.consequences
    ? html`<h3>Consequences beyond the sentence</h3>
${Object.entries(a.consequences).map(([name, v]) => {
  if (!v || typeof v !== 'object' || name === 'cost') return '';
  const x = v as { reasons?: string[]; citations?: string[] };
  if (!x.reasons?.length) return '';
  return html`<details class="consequence" data-consequence="${name}"><summary>${enumLabel('consequence', name)} (${x.reasons.length})</summary><ul>${x.reasons.map((r) => html`<li>${labelIds(r)}</li>`)}</ul>${cites(x.citations)}</details>`;
})}
<h4>Cost of the time to be served</h4>${cost ? html`<p>${usd(cost.usd)}: ${cost.person_years} person-years at ${usd(cost.rate_usd_per_year)} a year${cost.cost_of_term_imposed?.usd != null && cost.cost_of_term_imposed.usd !== cost.usd ? html` (the whole term imposed: ${usd(cost.cost_of_term_imposed.usd)})` : ''}.</p>${cites(cost.citations)}` : html`<p>Not computed.</p>`}
${findingList(byPrefix(a, 'consequences.cost').filter((f) => f.code !== 'consequences.cost.total'))}`
    : ''
}

<details><summary>Every finding (${a.findings.length}), with its code</summary>
<ul class="findings">${a.findings.map((f) => html`<li class="sev-${f.severity}"><code>${f.code}</code> (${f.severity}): ${f.message}${cites(f.citations)}</li>`)}</ul>
</details>
<p class="cite">Engine ${a.stamp.engine}; law data <code>${String(a.stamp.law_data).slice(0, 19)}…</code>; evaluated ${a.dates.evaluation}.</p>
</section>`;
}

/** The answer first: what the person faces under the law applied, today and under the report's agenda. */
export function renderAnswer(ans: Answer): H {
  return html`<section class="answer" data-testid="answer-first" aria-labelledby="answer-heading">
<h2 id="answer-heading">The answer first</h2>
<ul>${ans.rows.map(
    (r) =>
      html`<li><strong>${r.title}</strong>: mandatory minimum ${r.mandatory_minimum_months === null ? 'not computed' : term(r.mandatory_minimum_months)}${r.range_months ? html`; range ${range(r.range_months)}` : ''}.</li>`,
  )}</ul>
${ans.best_case_months !== null ? html`<p>If the open facts go the person's way, the mandatory minimum is <strong>${term(ans.best_case_months)}</strong>.</p>` : ''}
${
  ans.bounds.length
    ? html`<h3>What the open facts change</h3><ul data-testid="bounds">${ans.bounds.map(
        (b) =>
          html`<li data-bound="${b.number}"><strong>${boundText(b)}</strong> Settled by: ${boundQuestions(b).map((q, i) => html`${i ? ' ' : ''}<a href="${fieldAnchor(b.questions[i]?.path ?? '')}">${q}</a>`)}</li>`,
      )}</ul>`
    : ans.questions.length
      ? html`<p>What would settle it: ${ans.questions
          .slice(0, 2)
          .map((q) => questionText(q))
          .join(' ')}</p>`
      : ''
}
</section>`;
}
