import {
  COUNTERS,
  type Counter,
  DIMENSIONS,
  type Dimension,
  type Partial,
  type ScenarioInfo,
} from './evaluate.ts';

export interface GroupFigures {
  people: number;
  mandatory_minimum: number;
  life_terms: number;
  cost_usd: number;
  people_affected?: number;
  eligible_for_relief?: number;
  longer_terms?: number;
  months_saved_total?: number;
  months_saved_mean?: number | null;
  /** eligible people whose saving is only a lower bound (their baseline term is a bare minimum) */
  eligible_saving_lower_bound?: number;
  /** months certainly saved: the exact savings plus those lower bounds */
  months_saved_at_least_total?: number;
  prison_years_saved?: number;
  dollars_saved?: number;
  life_terms_removed?: number;
}

export interface ScenarioSummary extends GroupFigures {
  title: string;
  kind: string;
  baseline: boolean;
  column_prefix: string;
  retroactive: { declared: boolean; applies: boolean; sentenced_before: string | null };
  by: Record<Exclude<Dimension, 'all'>, Record<string, GroupFigures>>;
}

export interface Summary {
  synthetic: boolean;
  synthetic_records: number;
  input: string;
  format: string;
  evaluation_date: string;
  stamp: { engine: string; law_data: string };
  records_read: number;
  records_evaluated: number;
  records_rejected: number;
  /** records whose id was already used earlier in the input (absent when none) */
  duplicate_ids?: number;
  rejections_by_field: Record<string, number>;
  baseline: string;
  relief_rule: string;
  scenarios: Record<string, ScenarioSummary>;
  notes: string[];
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

function figures(v: number[] | undefined, baseline: boolean): GroupFigures {
  const get = (c: Counter) => (v ? (v[COUNTERS.indexOf(c)] as number) : 0);
  const out: GroupFigures = {
    people: get('people'),
    mandatory_minimum: get('mandatory_minimum'),
    life_terms: get('life'),
    cost_usd: get('cost_usd'),
  };
  if (!baseline) {
    const eligible = get('eligible');
    const months = get('months_saved');
    out.people_affected = get('affected');
    out.eligible_for_relief = eligible;
    out.longer_terms = get('longer');
    out.months_saved_total = months;
    const exact = eligible - get('saving_lower_bound');
    out.months_saved_mean = exact ? round(months / exact, 1) : null;
    out.eligible_saving_lower_bound = get('saving_lower_bound');
    out.months_saved_at_least_total = get('months_saved_at_least');
    out.prison_years_saved = round(months / 12, 2);
    out.dollars_saved = get('dollars_saved');
    out.life_terms_removed = get('life_removed');
  }
  return out;
}

export const RELIEF_RULE =
  "eligible for relief: the expected term (the larger of the mandatory minimum and the bottom of the guideline range, with consecutive 924(c) terms) is shorter than under the baseline, or life is removed; where the scenario declares its retroactivity, only if it is retroactive and the sentencing date is before its cut-off. Where the baseline term is only a minimum (no grid or guideline range) and the scenario's term is known, a saving is certain and at least their difference: the person is eligible and counted in months saved (at least), not in months, mean or dollars saved. Months and dollars saved are summed over eligible people; dollars use each assessment's cost of the time expected to be served (federal good conduct time, the state's release rule) at the jurisdiction's cost per person-year.";

export function buildScenarioSummaries(
  partial: Partial,
  info: readonly ScenarioInfo[],
): Record<string, ScenarioSummary> {
  const out: Record<string, ScenarioSummary> = {};
  info.forEach((s, i) => {
    const by = {} as ScenarioSummary['by'];
    for (const dim of DIMENSIONS) {
      if (dim === 'all') continue;
      const groups: Record<string, GroupFigures> = {};
      const prefix = `${i}\t${dim}\t`;
      const keys = Object.keys(partial)
        .filter((k) => k.startsWith(prefix))
        .sort();
      for (const k of keys) groups[k.slice(prefix.length)] = figures(partial[k], s.baseline);
      by[dim] = groups;
    }
    out[s.id] = {
      title: s.title,
      kind: s.kind,
      baseline: s.baseline,
      column_prefix: s.prefix,
      retroactive: s.retroactivity,
      ...figures(partial[`${i}\tall\tall`], s.baseline),
      by,
    };
  });
  return out;
}

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : n.toLocaleString('en-US');
const usd = (n: number | undefined) => (n === undefined ? '–' : `$${n.toLocaleString('en-US')}`);

const LABELS: Record<Exclude<Dimension, 'all'>, string> = {
  race: 'Race',
  ethnicity: 'Ethnicity',
  gender: 'Gender',
  citizenship: 'Citizenship',
  role: 'Role (under the baseline)',
  drug: 'Drug (first listed)',
};

/** A readable summary (Markdown). */
export function renderSummary(s: Summary): string {
  const L: string[] = [];
  L.push(`# Bulk evaluation: ${s.input}`);
  L.push('');
  if (s.synthetic)
    L.push(
      `> **SYNTHETIC DATA.** ${s.synthetic_records.toLocaleString('en-US')} of ${s.records_evaluated.toLocaleString('en-US')} evaluated records are generated, not real people. Figures describe the generator, not the justice system.`,
      '',
    );
  L.push(
    `Evaluated on ${s.evaluation_date} with engine ${s.stamp.engine}, law data ${s.stamp.law_data.slice(0, 19)}…; baseline: **${s.baseline}**.`,
    '',
  );
  L.push('| records read | evaluated | rejected (see rejected.csv) |', '| ---: | ---: | ---: |');
  L.push(`| ${fmt(s.records_read)} | ${fmt(s.records_evaluated)} | ${fmt(s.records_rejected)} |`, '');
  const rej = Object.entries(s.rejections_by_field);
  if (rej.length) {
    L.push('Rejections by field:', '');
    for (const [f, n] of rej) L.push(`- \`${f}\`: ${fmt(n)}`);
    L.push('');
  }
  L.push('## Scenarios', '');
  L.push(
    '| scenario | people | with a mandatory minimum | affected | eligible for relief | months saved | months saved (at least) | mean months | prison-years saved | dollars saved | longer terms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [id, x] of Object.entries(s.scenarios))
    L.push(
      `| ${id}${x.baseline ? ' (baseline)' : ''} | ${fmt(x.people)} | ${fmt(x.mandatory_minimum)} | ${fmt(x.people_affected)} | ${fmt(x.eligible_for_relief)} | ${fmt(x.months_saved_total)} | ${fmt(x.months_saved_at_least_total)} | ${fmt(x.months_saved_mean)} | ${fmt(x.prison_years_saved)} | ${usd(x.dollars_saved)} | ${fmt(x.longer_terms)} |`,
    );
  L.push('', `_${s.relief_rule}_`, '');
  for (const [id, x] of Object.entries(s.scenarios)) {
    if (x.baseline) continue;
    const retro = x.retroactive.declared
      ? x.retroactive.applies
        ? `declared retroactive${x.retroactive.sentenced_before ? ` for sentences before ${x.retroactive.sentenced_before}` : ''}`
        : 'declared not retroactive: nobody already sentenced is eligible'
      : 'no retroactivity declared: counted as if applied retroactively';
    L.push(`## ${id} vs ${s.baseline}`, '', `${x.title}. Retroactivity: ${retro}.`, '');
    for (const dim of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
      L.push(`### ${LABELS[dim]}`, '');
      L.push(
        '| group | people | affected | eligible | months saved | at least | mean months | prison-years | dollars saved |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      );
      for (const [g, f] of Object.entries(x.by[dim]))
        L.push(
          `| ${g} | ${fmt(f.people)} | ${fmt(f.people_affected)} | ${fmt(f.eligible_for_relief)} | ${fmt(f.months_saved_total)} | ${fmt(f.months_saved_at_least_total)} | ${fmt(f.months_saved_mean)} | ${fmt(f.prison_years_saved)} | ${usd(f.dollars_saved)} |`,
        );
      L.push('');
    }
  }
  if (s.notes.length) L.push('## Notes', '', ...s.notes.map((n) => `- ${n}`), '');
  L.push(
    'Small groups are not suppressed in this run report; use the statistics export for published figures.',
    '',
  );
  return L.join('\n');
}
