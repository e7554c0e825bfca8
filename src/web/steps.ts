import type { Problem } from '../api/errors.ts';
import type { Answer } from '../engine/answer.ts';
import { factsRead } from '../engine/questions.ts';
import { fieldLabel } from '../messages/labels.ts';
import type { Case } from '../model/case.ts';
import { getPath, setPath } from '../model/paths.ts';
import { type Draft, drugFields, type Field, friendly, priorFields, renderField, sections } from './form.ts';
import { encodeCase, type H, html } from './html.ts';
import { renderAnswer } from './result.ts';

/**
 * The guided assessment: one step at a time (where and when; what was found; what the person did; the
 * record; firearms, cooperation and the person), each asking only the facts the rules read for this case
 * (a state case is not asked the federal safety valve's questions, a federal one not a state's school-zone
 * count). Every answer may be "I don't know" (left blank). The draft travels in the form and in the address,
 * so each step is a permalink and the form works without JavaScript; htmx only swaps the page in place.
 */
export interface Step {
  id: string;
  title: string;
  intro: string;
  /** the case paths this step asks (and replaces when submitted) */
  owns: readonly string[];
}

export const STEPS: readonly Step[] = [
  {
    id: 'case',
    title: 'Where and when',
    intro: 'The court system and the dates decide which law applies.',
    owns: ['id', 'jurisdiction', 'offense_date', 'conviction_date', 'sentencing_date'],
  },
  {
    id: 'drugs',
    title: 'What was found',
    intro:
      'One entry per drug, or per sale: two sales of 30 g are two entries. Leave a fact blank if you do not know it.',
    owns: ['conduct.drugs'],
  },
  {
    id: 'conduct',
    title: 'What the person did',
    intro: 'Tick everything the person did; plain possession counts too.',
    owns: [
      'conduct.activities',
      'conduct.compensation',
      'conduct.profit_share',
      'conduct.people_supervised',
      'conduct.violence',
      'conduct.death_resulted',
      'conduct.serious_bodily_injury_resulted',
      'conduct.at_overdose_scene',
      'conduct.involved_minors',
      'conduct.school_zone',
      'evidence',
    ],
  },
  {
    id: 'record',
    title: 'Prior record',
    intro: 'Each prior conviction is its own entry. None? Go on to the next step.',
    owns: ['history'],
  },
  {
    id: 'other',
    title: 'Firearms, cooperation and the person',
    intro: 'The last facts the rules read for this case.',
    owns: [
      'conduct.weapon',
      'conduct.firearm_counts',
      'conduct.felon_in_possession_counts',
      'cooperation',
      'adjustments',
      'charging',
      'person',
    ],
  },
];

export const owned = (step: Step, path: string) =>
  step.owns.some((p) => path === p || path.startsWith(`${p}.`));

/** Facts every case needs: always asked. */
const REQUIRED =
  /^(jurisdiction|offense_date|conduct\.activities|conduct\.drugs\.\d+\.(substance|grams|basis)|history\.priors\.\d+\.(date|kind|felony))$/;

/** The fields of a step, drug and prior entries included (`extra` more empty entries than the draft has). */
export function stepFields(step: Step, draft: Draft, codes: readonly string[], extra: number): Field[] {
  const length = (path: string) => {
    const v = getPath(draft, path);
    return Array.isArray(v) ? v.length : 0;
  };
  if (step.id === 'drugs')
    return Array.from({ length: Math.max(1, length('conduct.drugs') + extra) }, (_, i) =>
      drugFields(i),
    ).flat();
  const all = sections(draft, codes).flatMap((s) => s.fields);
  const own = all.filter((f) => owned(step, f.name) && !f.name.startsWith('history.priors.'));
  if (step.id !== 'record') return own;
  const priors = Array.from({ length: length('history.priors') + extra }, (_, i) => priorFields(i)).flat();
  return [...priors, ...own];
}

function deletePath(obj: Draft, path: string): void {
  const parts = path.split('.');
  const parent = getPath(obj, parts.slice(0, -1).join('.')) ?? (parts.length === 1 ? obj : undefined);
  if (parent && typeof parent === 'object')
    delete (parent as Record<string, unknown>)[parts.at(-1) as string];
}

/** The draft with this step's facts replaced by those submitted (the other steps' facts kept as they were). */
export function mergeStep(previous: Draft, step: Step, submitted: Draft): Draft {
  const out = structuredClone(previous);
  for (const path of step.owns) {
    deletePath(out, path);
    const v = getPath(submitted, path);
    const empty = Array.isArray(v) && v.length === 0;
    if (v !== undefined && !(empty && path !== 'conduct.activities' && path !== 'conduct.drugs'))
      setPath(out, path, v);
  }
  for (const group of [
    'evidence',
    'history',
    'cooperation',
    'adjustments',
    'charging',
    'person',
    'conduct',
  ]) {
    const g = out[group];
    if (g && typeof g === 'object' && Object.keys(g).length === 0 && group !== 'conduct') delete out[group];
  }
  return out;
}

/**
 * The fields a step asks for this draft: the facts every case needs, those already answered or asked by the
 * engine's questions, and those the rules read for this case (read on the case as it stands, with a stand-in
 * activity before one is ticked and the unanswered groups empty, so the early steps already know the
 * jurisdiction's questions).
 */
export function askedFields(
  fields: readonly Field[],
  draft: Draft,
  needed: ReadonlySet<string>,
  run: (c: Case) => unknown,
  parse: (d: Draft) => Case | undefined,
): Field[] {
  const probe = structuredClone(draft);
  const conduct = (probe.conduct ?? {}) as Draft;
  if (!Array.isArray(conduct.activities) || conduct.activities.length === 0)
    setPath(probe, 'conduct.activities', ['possessed']);
  // empty groups, so that a rule reading a fact of a group not yet answered is seen reading it
  for (const group of ['person', 'evidence', 'history', 'cooperation', 'adjustments', 'charging'])
    probe[group] ??= {};
  const c = parse(probe);
  if (!c) return [...fields];
  const read = factsRead(c, run);
  return fields.filter(
    (f) =>
      REQUIRED.test(f.name) || getPath(draft, f.name) !== undefined || needed.has(f.name) || read.has(f.name),
  );
}

export interface StepView {
  index: number;
  draft: Draft;
  problems: Problem[];
  needed: ReadonlySet<string>;
  fields: Field[];
  answer?: Answer | undefined;
  note?: string | undefined;
}

export const stepHref = (draft: Draft, index: number) =>
  `/assess/steps?step=${index + 1}&c=${encodeCase(draft)}`;

export function renderSteps(v: StepView): H {
  const step = STEPS[v.index] as Step;
  const problems = new Map<string, string[]>();
  const shown = new Set(v.fields.map((f) => f.name));
  const elsewhere: Problem[] = [];
  for (const p of v.problems) {
    if (shown.has(p.path)) problems.set(p.path, [...(problems.get(p.path) ?? []), friendly(p.message)]);
    else if (owned(step, p.path)) elsewhere.push({ ...p, path: fieldLabel(p.path) });
  }
  const last = v.index === STEPS.length - 1;
  const field = (f: Field) => renderField(f, v.draft, problems, new Set(v.needed));
  const entries = (prefix: string, label: string, per: (i: number) => Field[]) => {
    const count = Math.max(
      ...v.fields.map((f) => Number(new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(f.name)?.[1] ?? -1) + 1),
      0,
    );
    return Array.from({ length: count }, (_, i) => {
      const mine = new Set(per(i).map((f) => f.name));
      const fs = v.fields.filter((f) => mine.has(f.name));
      return html`<fieldset class="entry"><legend>${label} ${i + 1}</legend><div class="row">${fs.map(field)}</div></fieldset>`;
    });
  };
  const plain = v.fields.filter((f) => !/^(conduct\.drugs|history\.priors)\.\d+\./.test(f.name));
  return html`<div id="steps-workspace">
<ol class="steps" aria-label="Steps">${STEPS.map(
    (s, i) =>
      html`<li${i === v.index ? html` aria-current="step"` : ''}>${i === v.index ? html`<span>${i + 1}. ${s.title}</span>` : html`<a href="${stepHref(v.draft, i)}">${i + 1}. ${s.title}</a>`}</li>`,
  )}</ol>
${v.problems.length && (problems.size || elsewhere.length) ? html`<div class="notice crit" role="alert" data-testid="problems"><p><strong>Please correct ${problems.size + elsewhere.length} answer${problems.size + elsewhere.length === 1 ? '' : 's'}</strong>, marked at the field${elsewhere.length ? html`: ${elsewhere.map((p) => html`${p.path}: ${friendly(p.message)}. `)}` : ''}.</p></div>` : ''}
${v.note ? html`<div class="notice" role="status" data-testid="step-note"><p>${v.note}</p></div>` : ''}
<form method="post" action="/assess/steps" hx-post="/assess/steps" hx-target="#steps-workspace" hx-select="#steps-workspace" hx-swap="outerHTML show:#step-heading:top" novalidate>
<input type="hidden" name="step" value="${v.index + 1}">
<input type="hidden" name="draft" value="${encodeCase(v.draft)}">
<input type="hidden" name="shown" value="${[...shown].join(' ')}">
<fieldset id="step-${step.id}"><legend><h2 id="step-heading" tabindex="-1">Step ${v.index + 1} of ${STEPS.length}: ${step.title}</h2></legend>
<p class="hint">${step.intro}</p>
${step.id === 'drugs' ? entries('conduct\\.drugs', 'Drug or sale', drugFields) : ''}
${step.id === 'record' ? entries('history\\.priors', 'Prior conviction', priorFields) : ''}
${plain.length ? html`<div class="row">${plain.map(field)}</div>` : ''}
${step.id === 'drugs' ? html`<div class="actions"><button type="submit" name="action" value="add" class="secondary">Add another drug or sale</button></div>` : ''}
${step.id === 'record' ? html`<div class="actions"><button type="submit" name="action" value="add" class="secondary">Add a prior conviction</button></div>` : ''}
</fieldset>
<div class="actions">
${v.index > 0 ? html`<button type="submit" name="action" value="back" class="secondary">Back</button>` : ''}
<button type="submit" name="action" value="${last ? 'finish' : 'next'}">${last ? 'See the full result' : 'Next'}</button>
</div>
</form>
<section aria-live="polite" data-testid="step-result">
${
  v.answer
    ? html`${renderAnswer(v.answer)}<p class="no-print"><a href="/assess?c=${encodeCase(v.draft)}" data-testid="full-result">The full result, with every question</a></p>`
    : html`<p class="hint" data-testid="no-result-yet">The answer appears here once the case has a drug and an activity.</p>`
}
</section>
</div>`;
}
