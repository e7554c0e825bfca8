import type { Problem } from '../api/errors.ts';
import { fieldValue } from '../messages/labels.ts';
import {
  ACCA_PREDICATES,
  ACTIVITIES,
  CITIZENSHIPS,
  COMPENSATIONS,
  DRUG_BASES,
  ETHNICITIES,
  GENDERS,
  INDICIA,
  MITIGATING_ROLES,
  PRIOR_KINDS,
  RACES,
  SUBSTANCES,
  VIOLENCE,
  WEAPONS,
} from '../model/case.ts';
import { getPath, setPath } from '../model/paths.ts';
import { type H, html } from './html.ts';

/**
 * The guided case form. Field names are the case contract's own paths (conduct.drugs.0.grams), so the
 * validator's problems land on the right field and a story's case fills the form as it is. Every
 * optional question accepts "I don't know" (left unset); the engine then reports bounds.
 */
type Kind = 'text' | 'date' | 'number' | 'select' | 'tri' | 'open' | 'checks';
export interface Field {
  name: string;
  label: string;
  kind: Kind;
  options?: readonly string[];
  labels?: Record<string, string>;
  hint?: string;
  step?: string;
  required?: boolean;
}

export type Draft = Record<string, unknown>;

/** An option's words: the label catalog's, for the enum the field holds. */
const label = (field: string, v: string) => fieldValue(field, v);

const tri = (name: string, lbl: string, hint?: string): Field => ({
  name,
  label: lbl,
  kind: 'tri',
  ...(hint ? { hint } : {}),
});
/**
 * A motion or finding whose absence means "not made" in the contract (cooperation.motion_3553e,
 * adjustments.obstruction): blank is "no", and "not known yet" asks the engine for both bounds.
 */
const open = (name: string, lbl: string): Field => ({ name, label: lbl, kind: 'open' });
const sel = (name: string, lbl: string, options: readonly string[], hint?: string): Field => ({
  name,
  label: lbl,
  kind: 'select',
  options,
  ...(hint ? { hint } : {}),
});
const num = (name: string, lbl: string, hint?: string, step = '1'): Field => ({
  name,
  label: lbl,
  kind: 'number',
  step,
  ...(hint ? { hint } : {}),
});

export interface Section {
  id: string;
  legend: string;
  intro?: string;
  /** Always open (the facts every assessment needs). */
  core?: boolean;
  fields: Field[];
}

export const drugFields = (i: number): Field[] => [
  sel(`conduct.drugs.${i}.substance`, 'Substance', SUBSTANCES),
  num(`conduct.drugs.${i}.grams`, 'Grams', 'the weight as charged', 'any'),
  sel(`conduct.drugs.${i}.basis`, 'How the quantity is linked to the person', DRUG_BASES),
  num(`conduct.drugs.${i}.purity`, 'Purity (0 to 1)', 'a fraction, e.g. 0.9; blank if unknown', 'any'),
  num(`conduct.drugs.${i}.count`, 'Count', 'plants, pills or doses; blank if not counted'),
  num(`conduct.drugs.${i}.dosage_units`, 'Dosage units', 'blank if not counted'),
];

export const priorFields = (i: number): Field[] => [
  { name: `history.priors.${i}.date`, label: 'Date of conviction', kind: 'date' },
  sel(`history.priors.${i}.kind`, 'Kind', PRIOR_KINDS),
  tri(`history.priors.${i}.felony`, 'A felony?', 'punishable by more than one year where convicted'),
  num(`history.priors.${i}.sentence_months`, 'Sentence (months)'),
  num(`history.priors.${i}.served_months`, 'Served (months)'),
  { name: `history.priors.${i}.release_date`, label: 'Release date', kind: 'date' },
  num(`history.priors.${i}.max_term_months`, 'Maximum the law allowed (months)', 'e.g. 120 for ten years'),
  tri(`history.priors.${i}.still_valid`, 'Still valid?', 'no if expunged, vacated or reduced'),
  tri(`history.priors.${i}.section_924c`, 'A 924(c) firearm conviction?'),
  sel(
    `history.priors.${i}.acca_predicate`,
    'Counts toward 924(e) (armed career criminal) as',
    ACCA_PREDICATES,
  ),
  {
    name: `history.priors.${i}.occasion`,
    label: 'Criminal episode (same label = same occasion)',
    kind: 'text',
  },
];

export function sections(draft: Draft, jurisdictionCodes: readonly string[]): Section[] {
  const drugs = Math.min(3, arrayLength(draft, 'conduct.drugs') + 1);
  const priors = arrayLength(draft, 'history.priors');
  const extraPrior = draft.__add_prior === true ? 1 : 0;
  return [
    {
      id: 'case',
      legend: 'The case',
      core: true,
      fields: [
        { name: 'id', label: 'Case label (optional)', kind: 'text', hint: 'for your own reference' },
        sel(
          'jurisdiction',
          'Jurisdiction',
          jurisdictionCodes,
          'federal cases get a full sentencing analysis',
        ),
        { name: 'offense_date', label: 'Date of the conduct', kind: 'date', required: true },
        { name: 'conviction_date', label: 'Date of conviction (optional)', kind: 'date' },
        {
          name: 'sentencing_date',
          label: 'Date of sentencing (optional)',
          kind: 'date',
          hint: 'blank: same as the conduct',
        },
      ],
    },
    {
      id: 'activities',
      legend: 'What the person did',
      core: true,
      intro: 'Tick everything the person did. Plain possession counts too.',
      fields: [{ name: 'conduct.activities', label: 'Activities', kind: 'checks', options: ACTIVITIES }],
    },
    {
      id: 'drugs',
      legend: 'Drugs',
      core: true,
      intro: 'One row per drug. Leave the last row empty if there are no more.',
      fields: Array.from({ length: drugs }, (_, i) => drugFields(i)).flat(),
    },
    {
      id: 'conduct',
      legend: 'Money, weapons and harm',
      core: true,
      fields: [
        sel('conduct.compensation', 'What the person got for it', COMPENSATIONS),
        tri('conduct.profit_share', "Shared in the network's profits?"),
        num('conduct.people_supervised', 'People supervised'),
        sel('conduct.weapon', 'Weapon', WEAPONS),
        num('conduct.firearm_counts', 'Firearm (924(c)) counts charged', 'federal only'),
        sel('conduct.violence', 'Violence', VIOLENCE),
        tri('conduct.death_resulted', 'Did a death result?'),
        tri('conduct.serious_bodily_injury_resulted', 'Did serious bodily injury result?'),
        tri('conduct.at_overdose_scene', 'At an overdose scene (called for help)?'),
        tri('conduct.involved_minors', 'Involved minors?'),
        tri('conduct.school_zone', 'In a school zone?'),
      ],
    },
    {
      id: 'evidence',
      legend: 'Evidence the state relies on to say "sale"',
      fields: [
        { name: 'evidence.indicia', label: 'Indicia', kind: 'checks', options: INDICIA },
        num('evidence.cash_usd', 'Cash found (USD)', undefined, 'any'),
      ],
    },
    {
      id: 'history',
      legend: 'Prior convictions',
      intro: priors ? undefined : 'None entered. Use "Add a prior conviction" if there are any.',
      fields: [
        ...Array.from({ length: priors + extraPrior }, (_, i) => priorFields(i)).flat(),
        num(
          'history.criminal_history_points',
          'Criminal history points (override)',
          'blank: computed from the priors',
        ),
        tri(
          'history.under_sentence_at_offense',
          'Under a criminal sentence at the time (probation, parole)?',
        ),
      ],
    },
    {
      id: 'cooperation',
      legend: 'Cooperation',
      fields: [
        tri('cooperation.truthful_disclosure', 'Told the government everything (safety-valve proffer)?'),
        tri('cooperation.substantial_assistance', 'Government motion for substantial assistance?'),
        tri('cooperation.accepted_responsibility', 'Accepted responsibility (for example, pleaded guilty)?'),
        tri('cooperation.acceptance_government_motion', 'Government motion for the third acceptance level?'),
      ],
    },
    {
      // federal only and rarer: a section of its own, folded unless answered
      id: 'adjustments',
      legend: "Other counts, the government's motions, the court's findings",
      intro:
        'Federal cases. Blank: no such count or motion, and only what the Guidelines Manual itself presumes.',
      fields: [
        num('conduct.felon_in_possession_counts', 'Felon-in-possession (922(g)) counts charged'),
        open('cooperation.motion_5k1_1', 'Government motion to depart below the guideline range (5K1.1)?'),
        open('cooperation.motion_3553e', 'Government motion to go below the mandatory minimum (3553(e))?'),
        open('adjustments.obstruction', 'Obstruction of justice found (3C1.1)?'),
        sel('adjustments.mitigating_role', 'Mitigating role found (3B1.2)', MITIGATING_ROLES),
      ],
    },
    {
      id: 'charging',
      legend: "The prosecutor's choices",
      fields: [
        tri(
          'charging.information_851',
          'Prior-conviction enhancement filed (21 U.S.C. 851)?',
          'blank: current practice is assumed and said',
        ),
      ],
    },
    {
      id: 'person',
      legend: 'The person',
      intro: 'Used for consequences (immigration, benefits) and for statistics. All optional.',
      fields: [
        num('person.birth_year', 'Year of birth'),
        sel('person.race', 'Race', RACES),
        sel('person.ethnicity', 'Ethnicity', ETHNICITIES),
        sel('person.gender', 'Gender', GENDERS),
        sel('person.citizenship', 'Citizenship', CITIZENSHIPS),
        tri('person.uses_drugs', 'Uses drugs?'),
        tri('person.substance_use_disorder', 'Has a substance use disorder?'),
        tri('person.veteran', 'A veteran?'),
      ],
    },
  ];
}

// ---------- reading a draft

function arrayLength(draft: Draft, path: string): number {
  const v = getPath(draft, path);
  return Array.isArray(v) ? v.length : 0;
}

// ---------- form → draft

const KIND_BY_PATTERN = new Map<string, Kind>();
for (const s of sections({ conduct: { drugs: [{}] }, history: { priors: [{}] } }, [])) {
  for (const f of s.fields) KIND_BY_PATTERN.set(f.name.replace(/\.\d+\./g, '.*.'), f.kind);
}

/**
 * Submitted fields → a case-shaped draft. Blank answers ("I don't know") are left out; numbers that do
 * not parse are kept as text so the validator names the field; empty drug and prior rows are dropped.
 */
export function formToDraft(form: Record<string, string | string[]>): Draft {
  const draft: Draft = {};
  for (const [name, raw] of Object.entries(form)) {
    const kind = KIND_BY_PATTERN.get(name.replace(/\.\d+\./g, '.*.'));
    if (!kind) continue;
    if (kind === 'checks') {
      const list = (Array.isArray(raw) ? raw : [raw]).filter(Boolean);
      if (list.length) setPath(draft, name, list);
      continue;
    }
    const v = (Array.isArray(raw) ? raw[raw.length - 1] : raw)?.trim() ?? '';
    if (v === '') continue;
    if (kind === 'number') {
      const n = Number(v);
      setPath(draft, name, Number.isFinite(n) ? n : v);
    } else if (kind === 'tri') {
      setPath(draft, name, v === 'yes' ? true : v === 'no' ? false : v);
    } else if (kind === 'open') {
      setPath(draft, name, v === 'yes' ? true : v);
    } else setPath(draft, name, v);
  }
  if (!draft.conduct) draft.conduct = {};
  const conduct = draft.conduct as Draft;
  conduct.activities ??= [];
  const compact = (path: string) => {
    const list = getPath(draft, path);
    if (Array.isArray(list)) {
      const kept = list.filter((x) => x && typeof x === 'object' && Object.keys(x).length > 0);
      setPath(draft, path, kept);
    }
  };
  compact('conduct.drugs');
  compact('history.priors');
  conduct.drugs ??= [];
  const history = draft.history as Draft | undefined;
  if (history && Array.isArray(history.priors) && history.priors.length === 0) delete history.priors;
  if (history && Object.keys(history).length === 0) delete draft.history;
  if (form.synthetic === 'true') draft.synthetic = true;
  return draft;
}

// ---------- rendering

const inputId = (name: string) => `f-${name.replaceAll('.', '-')}`;

function control(f: Field, value: unknown, describedBy: string): H {
  const id = inputId(f.name);
  const aria = describedBy ? html` aria-describedby="${describedBy}"` : '';
  if (f.kind === 'select') {
    const v = typeof value === 'string' ? value : '';
    const unknownLabel = f.required || f.name === 'jurisdiction' ? 'Choose…' : "I don't know";
    return html`<select id="${id}" name="${f.name}"${aria}><option value="">${unknownLabel}</option>${(
      f.options ?? []
    ).map(
      (o) =>
        html`<option value="${o}"${o === v ? ' selected' : ''}>${f.name === 'jurisdiction' ? o : label(f.name, o)}</option>`,
    )}</select>`;
  }
  if (f.kind === 'tri') {
    const v = value === true ? 'yes' : value === false ? 'no' : '';
    return html`<select id="${id}" name="${f.name}"${aria}><option value=""${v === '' ? ' selected' : ''}>I don't know</option><option value="yes"${v === 'yes' ? ' selected' : ''}>Yes</option><option value="no"${v === 'no' ? ' selected' : ''}>No</option></select>`;
  }
  if (f.kind === 'open') {
    const v = value === true ? 'yes' : value === 'unknown' ? 'unknown' : '';
    return html`<select id="${id}" name="${f.name}"${aria}><option value=""${v === '' ? ' selected' : ''}>No (or not made)</option><option value="yes"${v === 'yes' ? ' selected' : ''}>Yes</option><option value="unknown"${v === 'unknown' ? ' selected' : ''}>Not known yet: show both</option></select>`;
  }
  const type = f.kind === 'number' ? 'number' : f.kind === 'date' ? 'date' : 'text';
  const v = value === undefined || value === null ? '' : String(value);
  return html`<input id="${id}" name="${f.name}" type="${type}" value="${v}"${f.kind === 'number' ? html` step="${f.step ?? '1'}" inputmode="decimal"` : ''}${f.required ? ' required' : ''}${aria}>`;
}

export function renderField(f: Field, draft: Draft, problems: Map<string, string[]>, needed: Set<string>): H {
  const value = getPath(draft, f.name);
  const errs = problems.get(f.name) ?? [];
  const isNeeded = needed.has(f.name);
  const id = inputId(f.name);
  if (f.kind === 'checks') {
    const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
    return html`<fieldset class="field${isNeeded ? ' needed' : ''}" id="${id}-group"${errs.length ? html` aria-describedby="${id}-err"` : ''}>
<legend>${f.label}${isNeeded ? html`<span class="badge">needed</span>` : ''}</legend>
${errs.length ? html`<p class="error" id="${id}-err">${errs.join('; ')}</p>` : ''}
<div class="checks">${(f.options ?? []).map(
      (o) =>
        html`<label><input type="checkbox" name="${f.name}" value="${o}"${chosen.has(o) ? ' checked' : ''}> ${label(f.name, o)}</label>`,
    )}</div></fieldset>`;
  }
  const described = [f.hint ? `${id}-hint` : '', errs.length ? `${id}-err` : ''].filter(Boolean).join(' ');
  return html`<div class="field${isNeeded ? ' needed' : ''}">
<label for="${id}">${f.label}${isNeeded ? html`<span class="badge">needed</span>` : ''}</label>
${f.hint ? html`<span class="hint" id="${id}-hint">${f.hint}</span>` : ''}
${control(f, value, described)}
${errs.length ? html`<span class="error" id="${id}-err">${errs.join('; ')}</span>` : ''}
</div>`;
}

/** Field paths the engine says it still needs, mapped to form fields (and whole sections). */
export function neededFields(missing: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const m of missing) out.add(m.split(' ')[0] as string);
  return out;
}

export const friendly = (message: string) =>
  /received undefined/.test(message) ? 'required' : message.replace(/^Invalid input: /, '');

export function renderForm(opts: {
  draft: Draft;
  problems: Problem[];
  needed: Set<string>;
  jurisdictionCodes: readonly string[];
  asOf?: string | undefined;
}): H {
  const problems = new Map<string, string[]>();
  const unplaced: Problem[] = [];
  const all = sections(opts.draft, opts.jurisdictionCodes);
  const names = new Set(all.flatMap((s) => s.fields.map((f) => f.name)));
  for (const p of opts.problems) {
    if (names.has(p.path)) problems.set(p.path, [...(problems.get(p.path) ?? []), friendly(p.message)]);
    else unplaced.push(p);
  }
  const sectionNeeded = (s: Section) =>
    s.fields.some((f) => opts.needed.has(f.name) || problems.has(f.name)) ||
    [...opts.needed].some(
      (n) =>
        n === s.id || n.startsWith(`${s.id}.`) || n.startsWith(`${s.id === 'history' ? 'history' : s.id}.`),
    );
  const hasValue = (s: Section) => s.fields.some((f) => getPath(opts.draft, f.name) !== undefined);
  return html`<form id="assess-form" method="post" action="/assess" hx-post="/assess" hx-target="#workspace" hx-select="#workspace" hx-swap="outerHTML show:#result-heading:top" novalidate>
${unplaced.length ? html`<div class="notice crit" role="alert"><p>Please correct:</p><ul>${unplaced.map((p) => html`<li><code>${p.path}</code>: ${friendly(p.message)}</li>`)}</ul></div>` : ''}
${opts.draft.synthetic === true ? html`<input type="hidden" name="synthetic" value="true">` : ''}
${all.map((s) => {
  const body = html`${s.intro ? html`<p class="hint">${s.intro}</p>` : ''}
${s.id === 'drugs' ? drugRows(s, opts.draft, problems, opts.needed) : s.id === 'history' ? priorRows(s, opts.draft, problems, opts.needed) : html`<div class="row">${s.fields.map((f) => renderField(f, opts.draft, problems, opts.needed))}</div>`}`;
  if (s.core) return html`<fieldset id="sec-${s.id}"><legend>${s.legend}</legend>${body}</fieldset>`;
  const open = sectionNeeded(s) || hasValue(s);
  const flag = sectionNeeded(s) ? html`<span class="badge">needed</span>` : '';
  return html`<details id="sec-${s.id}"${open ? ' open' : ''}><summary>${s.legend}${flag}</summary><fieldset><legend class="visually-hidden">${s.legend}</legend>${body}</fieldset></details>`;
})}
<fieldset>
<legend>Which law</legend>
<div class="row"><div class="field"><label for="f-as_of">What if the same conduct happened on this date? (optional)</label>
<span class="hint" id="f-as_of-hint">blank: the case's own dates govern</span>
<input id="f-as_of" name="as_of" type="date" value="${opts.asOf ?? ''}" aria-describedby="f-as_of-hint"></div></div>
</fieldset>
<div class="actions">
<button type="submit" name="action" value="assess">Assess</button>
<button type="submit" name="action" value="add_prior" class="secondary">Add a prior conviction</button>
</div>
</form>`;
}

function drugRows(s: Section, draft: Draft, problems: Map<string, string[]>, needed: Set<string>): H {
  const rows: Field[][] = [];
  for (let i = 0; i < s.fields.length; i += 6) rows.push(s.fields.slice(i, i + 6));
  const entered = arrayLength(draft, 'conduct.drugs');
  return html`${rows.map((r, i) => {
    const fields = html`<fieldset class="drug"><legend>Drug ${i + 1}</legend><div class="row">${r.map((f) =>
      renderField(f, draft, problems, needed),
    )}</div></fieldset>`;
    // the spare row for one more drug stays folded until it is wanted (it still submits when filled)
    return i > 0 && i >= entered
      ? html`<details class="drug-entry"><summary>Add drug ${i + 1}</summary>${fields}</details>`
      : fields;
  })}`;
}

function priorRows(s: Section, draft: Draft, problems: Map<string, string[]>, needed: Set<string>): H {
  const priorFields = s.fields.filter((f) => f.name.startsWith('history.priors.'));
  const rest = s.fields.filter((f) => !f.name.startsWith('history.priors.'));
  const rows: Field[][] = [];
  for (let i = 0; i < priorFields.length; i += 9) rows.push(priorFields.slice(i, i + 9));
  // A prior already entered folds to one line (its fields still submit); one with a problem, one the
  // rules still need, or a new empty one stays open.
  return html`${rows.map((r, i) => {
    const fields = html`<fieldset class="prior"><legend>Prior conviction ${i + 1}</legend><div class="row">${r.map(
      (f) => renderField(f, draft, problems, needed),
    )}</div></fieldset>`;
    const prior = getPath(draft, `history.priors.${i}`);
    const attention = r.some((f) => problems.has(f.name) || needed.has(f.name));
    if (!prior || typeof prior !== 'object' || attention) return fields;
    const p = prior as Record<string, unknown>;
    const summary = [
      p.kind ? fieldValue(`history.priors.${i}.kind`, p.kind) : 'Kind not known',
      p.felony === true ? 'felony' : p.felony === false ? 'not a felony' : '',
      typeof p.date === 'string' ? p.date : '',
    ]
      .filter(Boolean)
      .join(', ');
    return html`<details class="prior-entry"><summary>Prior conviction ${i + 1}: ${summary}</summary>${fields}</details>`;
  })}<div class="row">${rest.map((f) => renderField(f, draft, problems, needed))}</div>`;
}
