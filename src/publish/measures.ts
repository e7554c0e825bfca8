import { sql } from 'kysely';
import type { RecordStore } from '../db/store.ts';
import {
  type Estimate,
  funnel,
  mantelHaenszel,
  proportion,
  rateRatio,
  type Stratum,
} from '../stats/measures.ts';

/** NSDUH 2012, sold drugs in the past year, as reported by DPA (2019) (reference/report-figures.md). */
export const NSDUH_SELLING_2012: Record<string, number> = {
  nh_white: 3.4,
  nh_black: 2.9,
  hispanic: 2.8,
  nh_aian: 4.2,
  nh_nhpi: 3.5,
  nh_asian: 1.1,
};
export const REFERENCE_GROUP = 'nh_white';
const COMPARED = ['nh_black', 'hispanic', 'nh_aian', 'nh_asian', 'nh_nhpi', 'nh_multiracial', 'nh_other'];

export interface MeasureRow {
  measure:
    | 'rri_per_capita'
    | 'rri_stage'
    | 'overall_per_capita'
    | 'mantel_haenszel_or'
    | 'outcome_share'
    | 'outcome_ratio'
    | 'benchmark_adjusted_rri';
  group: string;
  reference: string;
  stage: string;
  numerator: number | null;
  denominator: number | null;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  flags: string;
  /** share of the overall per-capita disparity added by this stage (funnel), or match coverage (MH) */
  share: number | null;
  note: string;
}

const reached = (col: string) => sql`${sql.ref(col)} NOT IN ('not_applicable', 'not_collected')`;
const int = (e: ReturnType<typeof sql>) =>
  sql<number>`CAST(SUM(CASE WHEN ${e} THEN 1 ELSE 0 END) AS INTEGER)`;

export interface FunnelRow {
  group: string;
  population: number | null;
  arrested: number;
  sale_charged: number;
  sale_convicted: number;
  incarcerated: number;
}
export const FUNNEL_STEPS = ['arrested', 'sale_charged', 'sale_convicted', 'incarcerated'] as const;

export async function funnelCounts(
  store: RecordStore,
  populations?: Record<string, number>,
): Promise<FunnelRow[]> {
  const arrested = reached('arrest_outcome');
  const rows = await sql<{
    group: string;
    arrested: number;
    sale_charged: number;
    sale_convicted: number;
    incarcerated: number;
  }>`
    SELECT race_ethnicity AS "group",
      ${int(arrested)} AS arrested,
      ${int(sql`${arrested} AND sale_charged`)} AS sale_charged,
      ${int(sql`${arrested} AND sale_charged AND sale_convicted`)} AS sale_convicted,
      ${int(sql`${arrested} AND sale_charged AND sale_convicted AND incarcerated`)} AS incarcerated
    FROM records GROUP BY race_ethnicity ORDER BY race_ethnicity`.execute(store.db);
  return rows.rows.map((r) => ({ ...r, population: populations?.[r.group] ?? null }));
}

/** Strata for the bias test: people arrested whose charging decision was made, matched on five facts. */
export async function biasStrata(store: RecordStore) {
  const r = await sql<{ key: string; group: string; sale: number; n: number }>`
    SELECT CONCAT(drug, '|', quantity_band, '|', indicia_profile, '|', criminal_history_band, '|', jurisdiction) AS key,
      race_ethnicity AS "group", ${int(sql`sale_charged`)} AS sale, CAST(count(*) AS INTEGER) AS n
    FROM records
    WHERE ${reached('charging_decision_outcome')} AND charging_decision_outcome <> 'unknown'
      AND quantity_band <> 'unknown' AND indicia_profile <> 'unknown'
      AND criminal_history_band NOT IN ('unknown', 'not_collected', 'not_applicable')
      AND drug NOT IN ('unknown', 'not_collected', 'not_applicable')
    GROUP BY 1, 2`.execute(store.db);
  const totals = await sql<{ group: string; n: number }>`
    SELECT race_ethnicity AS "group", CAST(count(*) AS INTEGER) AS n FROM records
    WHERE ${reached('charging_decision_outcome')} AND charging_decision_outcome <> 'unknown'
    GROUP BY 1`.execute(store.db);
  return { cells: r.rows, totals: new Map(totals.rows.map((t) => [t.group, t.n])) };
}

export async function outcomeCounts(store: RecordStore) {
  const r = await sql<{ group: string; charged: number; convicted: number }>`
    SELECT race_ethnicity AS "group", CAST(count(*) AS INTEGER) AS charged, ${int(sql`sale_convicted`)} AS convicted
    FROM records WHERE sale_charged AND ${reached('disposition_outcome')} AND disposition_outcome <> 'unknown'
    GROUP BY 1 ORDER BY 1`.execute(store.db);
  return r.rows;
}

function row(
  measure: MeasureRow['measure'],
  group: string,
  stage: string,
  num: number | null,
  den: number | null,
  e: Estimate,
  minCell: number,
  extra: Partial<MeasureRow> = {},
): MeasureRow {
  const small = [num, den].some((x) => x !== null && x > 0 && x < minCell);
  return {
    measure,
    group,
    reference: REFERENCE_GROUP,
    stage,
    numerator: small ? null : num,
    denominator: small ? null : den,
    estimate: small ? null : e.estimate,
    lower: small ? null : e.lower,
    upper: small ? null : e.upper,
    flags: [...e.flags, ...(small ? ['suppressed'] : [])].join(';'),
    share: extra.share ?? null,
    note: extra.note ?? '',
    ...(small ? { share: null } : {}),
  };
}

/** Every disparity measure of a release, one row each, with 95% intervals, flags and suppression. */
export async function disparityMeasures(
  store: RecordStore,
  minCell: number,
  populations?: Record<string, number>,
): Promise<{
  rows: MeasureRow[];
  funnel: FunnelRow[];
  coverage: { group: string; matched: number; total: number }[];
}> {
  const out: MeasureRow[] = [];
  const fun = await funnelCounts(store, populations);
  const by = new Map(fun.map((f) => [f.group, f]));
  const ref = by.get(REFERENCE_GROUP);
  const groups = COMPARED.filter((g) => by.has(g));
  if (ref) {
    for (const g of groups) {
      const f = by.get(g) as FunnelRow;
      const steps = [
        ...(f.population && ref.population
          ? [
              {
                stage: 'arrest',
                group: { entered: f.population, went_on: f.arrested },
                reference: { entered: ref.population, went_on: ref.arrested },
              },
            ]
          : []),
        {
          stage: 'charging_decision',
          group: { entered: f.arrested, went_on: f.sale_charged },
          reference: { entered: ref.arrested, went_on: ref.sale_charged },
        },
        {
          stage: 'disposition',
          group: { entered: f.sale_charged, went_on: f.sale_convicted },
          reference: { entered: ref.sale_charged, went_on: ref.sale_convicted },
        },
        {
          stage: 'sentence',
          group: { entered: f.sale_convicted, went_on: f.incarcerated },
          reference: { entered: ref.sale_convicted, went_on: ref.incarcerated },
        },
      ];
      const res = funnel(steps);
      res.stages.forEach((s, i) => {
        const st = steps[i] as (typeof steps)[number];
        out.push(
          row(
            st.stage === 'arrest' ? 'rri_per_capita' : 'rri_stage',
            g,
            st.stage,
            st.group.went_on,
            st.group.entered,
            s.rri,
            minCell,
            {
              share: s.contribution,
              note:
                st.stage === 'arrest'
                  ? 'arrests per resident'
                  : `rate among those who reached the step before`,
            },
          ),
        );
      });
      const first = steps[0] as (typeof steps)[number];
      out.push(
        row(
          'overall_per_capita',
          g,
          first.stage === 'arrest' ? 'population_to_incarceration' : 'arrest_to_incarceration',
          f.incarcerated,
          first.group.entered,
          res.overall,
          minCell,
        ),
      );
      const bench = NSDUH_SELLING_2012[g];
      const refBench = NSDUH_SELLING_2012[REFERENCE_GROUP] as number;
      const perCapita = res.stages[0];
      if (bench && f.population && ref.population && perCapita) {
        const k = bench / refBench;
        const e = perCapita.rri;
        out.push(
          row(
            'benchmark_adjusted_rri',
            g,
            'arrest',
            f.arrested,
            f.population,
            {
              estimate: e.estimate === null ? null : e.estimate / k,
              lower: e.lower === null ? null : e.lower / k,
              upper: e.upper === null ? null : e.upper / k,
              flags: e.flags,
            },
            minCell,
            {
              note: `per-capita arrest RRI divided by the NSDUH 2012 selling-rate ratio ${bench}/${refBench} = ${k.toFixed(3)} (benchmark treated as fixed)`,
            },
          ),
        );
      }
    }
  }
  // bias test: Mantel-Haenszel across matched strata
  const strata = await biasStrata(store);
  const cellsByKey = new Map<string, Map<string, { sale: number; n: number }>>();
  for (const c of strata.cells) {
    let m = cellsByKey.get(c.key);
    if (!m) {
      m = new Map();
      cellsByKey.set(c.key, m);
    }
    m.set(c.group, { sale: c.sale, n: c.n });
  }
  const coverage: { group: string; matched: number; total: number }[] = [];
  for (const g of groups) {
    const st: Stratum[] = [];
    let matched = 0;
    let matchedRef = 0;
    for (const m of cellsByKey.values()) {
      const x = m.get(g);
      const y = m.get(REFERENCE_GROUP);
      if (!x || !y) continue;
      matched += x.n;
      matchedRef += y.n;
      st.push({ a: x.sale, b: x.n - x.sale, c: y.sale, d: y.n - y.sale });
    }
    const total = strata.totals.get(g) ?? 0;
    coverage.push({ group: g, matched, total });
    const e = mantelHaenszel(st);
    out.push(
      row('mantel_haenszel_or', g, 'charging_decision', matched, total, e, minCell, {
        share: total ? matched / total : null,
        note: `odds of a sale charge vs ${REFERENCE_GROUP}, matched on drug, quantity band, indicia profile, criminal-history band and jurisdiction; ${e.strata_used} informative strata; share = match coverage (reference matched: ${matchedRef} of ${strata.totals.get(REFERENCE_GROUP) ?? 0})`,
      }),
    );
  }
  // outcome test
  const oc = await outcomeCounts(store);
  const ocBy = new Map(oc.map((o) => [o.group, o]));
  const oref = ocBy.get(REFERENCE_GROUP);
  for (const o of oc) {
    out.push(
      row(
        'outcome_share',
        o.group,
        'disposition',
        o.convicted,
        o.charged,
        proportion(o.convicted, o.charged),
        minCell,
        { note: 'share of sale charges ending in a sale conviction (Wilson interval)' },
      ),
    );
    if (oref && o.group !== REFERENCE_GROUP && COMPARED.includes(o.group))
      out.push(
        row(
          'outcome_ratio',
          o.group,
          'disposition',
          o.convicted,
          o.charged,
          rateRatio(o.convicted, o.charged, oref.convicted, oref.charged),
          minCell,
          { note: "below 1: the group's sale charges hold up less often" },
        ),
      );
  }
  return { rows: out, funnel: fun, coverage };
}
