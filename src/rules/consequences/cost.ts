import { jurisdictionKey } from '../../law/jurisdiction.ts';
import type { Exposure, StateExposure } from '../../model/assessment.ts';
import { dotted } from '../../model/dotted.ts';
import { expectedTerm, type TermBasis } from '../../model/expected-term.ts';
import { extend } from '../../model/extend.ts';
import type { Term } from '../../model/terms.ts';
import type { Collector } from './common.ts';
import { type GoodConductTimeLaw, goodConductTime } from './good-conduct-time.ts';

interface Rate {
  usd_per_year: number | null;
  fiscal_year: number;
  period_end: string;
  lower_bound_usd?: number;
  basis: string;
}

/**
 * The cost of a sentence. The headline (`usd`, `person_years`, `months`, `basis`) is the cost of the time
 * expected to be served under the jurisdiction's release rule (`release_rule`); `cost_of_term_imposed` is the
 * cost of the whole term the exposure points to (what the report's per-person-year figures price).
 */
export interface Cost {
  usd: number;
  person_years: number;
  rate_usd_per_year: number;
  citations: string[];
  /** `expected_time_served` where the release rule shortens the term; otherwise the term's own basis */
  basis: TermBasis;
  /** months expected to be served (to the hundredth), the same as `expected_served_months` */
  months: number;
  fiscal_year: number;
  expected_served_months: number;
  release_rule: string;
  cost_of_term_imposed: { usd: number; person_years: number; months: number; basis: TermBasis };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const MONTHS_PER_YEAR = 12; // calendar arithmetic, not a legal number
const GCT = 'us_fed.usc18_3624b.good_conduct_time';

interface Imposed {
  months: Term;
  basis: TermBasis;
  citations: string[];
  /** a state term that is only the lowest the law allows (no grid computed the sentence) */
  lower_bound: boolean;
}

type Served =
  | { known: true; years: number; months: number; rule: string; citations: string[] }
  | {
      known: false;
      rule: string;
      citations: string[];
      missing_law: string;
      /** where parole is discretionary: [earliest release, latest release] in months */
      range?: [Term, Term];
    };

/** The term imposed (before any release rule), with its citations; null when no exposure was computed. */
function imposedTerm(e: Exposure | null): Imposed | null {
  if (!e) return null;
  const citations = [
    ...e.statutory.citations,
    ...e.firearms.citations,
    ...(e.guidelines?.citations ?? []),
    ...(e.state?.release.citations ?? []),
  ];
  if (e.state) {
    const t = e.state.expected_term;
    return t.months === null || e.mandatory_minimum_months === null
      ? null
      : { months: t.months, basis: t.basis, citations, lower_bound: t.lower_bound };
  }
  const t = expectedTerm(e); // shared with relief: src/model/expected-term.ts
  return t ? extend(t, { citations, lower_bound: false }) : null; // not a spread: see src/model/extend.ts
}

/** Federal: good conduct time under 18 U.S.C. 3624(b) as applied on the evaluation date; no parole since 1987. */
function servedFederal(col: Collector, months: number): Served {
  const rule = 'us_fed_3624b';
  const g = col.law.maybe<GoodConductTimeLaw>(GCT);
  if (!g) return { known: false, rule, citations: [], missing_law: 'good_conduct_time_rule' };
  const r = goodConductTime(months, col.input.dates.offense, g.value);
  if (r.kind === 'not_modelled')
    return { known: false, rule, citations: [g.law], missing_law: 'parole_under_pre_1987_law' };
  if (r.kind === 'no_credit') {
    col.add('consequences.cost.served.no_good_conduct_time', 'info', [g.law], {
      months,
      term_more_than_months: g.value.term_more_than_months,
    });
    return { known: true, years: r.served_years, months: r.served_months, rule, citations: [g.law] };
  }
  col.add('consequences.cost.served.good_conduct_time', 'info', [g.law], {
    months,
    credit_days: r.credit_days,
    days_per_year: g.value.days_per_year,
    accrues_on: g.value.accrues_on,
    served_months: r.served_months,
    // the earned time credits the law also grants are not modelled, and the finding says so
    earned_time_credits: g.value.earned_time_credits,
  });
  return { known: true, years: r.served_years, months: r.served_months, rule, citations: [g.law] };
}

/** A state: the time served under the state engine's release rule (null when its share is not known). */
function servedState(col: Collector, s: StateExposure): Served {
  const { release, expected_term: t } = s;
  if (t.served_months === null || t.served_months === 'life')
    return {
      known: false,
      rule: release.rule,
      citations: release.citations,
      missing_law: 'state_release_share',
      ...(t.served_months_range ? { range: t.served_months_range } : {}),
    };
  col.add('consequences.cost.served.state_release_rule', 'info', release.citations, {
    rule: release.rule,
    served_fraction: release.served_fraction,
    months: t.months,
    served_months: t.served_months,
  });
  return {
    known: true,
    years: t.served_months / MONTHS_PER_YEAR,
    months: t.served_months,
    rule: release.rule,
    citations: release.citations,
  };
}

/** The jurisdiction's cost per person-year (read at the evaluation date), with what is known of it said. */
function rateOf(col: Collector): { usd: number; fiscal_year: number; law: string } | null {
  const c = col.input.case;
  const r = col.law.maybe<Rate>(dotted(jurisdictionKey(c.jurisdiction), 'cost_per_person_year'));
  const rate = r?.value ?? null;
  if (!r || rate === null) {
    const avg = col.law.maybe<Rate>('us_states.cost_per_person_year_average');
    col.add('consequences.cost.rate_not_in_knowledge_base', 'warning', r ? [r.law] : [], {
      jurisdiction: c.jurisdiction,
      date: col.date,
      ...(c.jurisdiction !== 'US-FED' && avg?.value
        ? {
            state_average_usd: avg.value.usd_per_year,
            state_average_fiscal_year: avg.value.fiscal_year,
            state_average_citation: avg.law,
          }
        : {}),
    });
    return null;
  }
  if (rate.usd_per_year === null) {
    col.add('consequences.cost.rate_lower_bound', 'info', [r.law], {
      jurisdiction: c.jurisdiction,
      lower_bound_usd: rate.lower_bound_usd ?? null,
      fiscal_year: rate.fiscal_year,
    });
    return null;
  }
  col.add('consequences.cost.rate', 'info', [r.law], {
    jurisdiction: c.jurisdiction,
    rate_usd_per_year: rate.usd_per_year,
    fiscal_year: rate.fiscal_year,
  });
  if (col.date > rate.period_end)
    col.add('consequences.cost.rate_latest_available', 'info', [r.law], {
      fiscal_year: rate.fiscal_year,
      period_end: rate.period_end,
      date: col.date,
    });
  return { usd: rate.usd_per_year, fiscal_year: rate.fiscal_year, law: r.law };
}

/**
 * Cost of the time expected to be served, at the jurisdiction's cost per person-year: federal terms less good
 * conduct time (18 U.S.C. 3624(b)), state terms under the state engine's release rule. Where the share served
 * is not known the cost is undetermined, with the term imposed as its upper bound and the missing piece named.
 */
export function cost(col: Collector): Cost | null {
  const c = col.input.case;
  const rate = rateOf(col);
  const e = col.input.exposure;
  const t = imposedTerm(e);
  if (!t) {
    col.add(
      c.jurisdiction === 'US-FED' || e?.state
        ? 'consequences.cost.no_exposure'
        : 'consequences.cost.no_state_sentencing_engine',
      'info',
      [],
      { jurisdiction: c.jurisdiction },
    );
    return null;
  }
  if (t.months === 'life') {
    col.add('consequences.cost.life_term', 'warning', t.citations, { basis: t.basis });
    return null;
  }
  // a term of 0 months (a non-prison sentence is permitted) has nothing to serve
  const served: Served =
    t.months === 0
      ? { known: true, years: 0, months: 0, rule: 'no_prison_term', citations: [] }
      : e?.state
        ? servedState(col, e.state)
        : servedFederal(col, t.months);
  const termYears = t.months / MONTHS_PER_YEAR;
  if (!served.known) {
    const usdOf = (m: Term) => (rate && m !== 'life' ? Math.round((m / MONTHS_PER_YEAR) * rate.usd) : null);
    const [low, high] = served.range ?? [null, t.months];
    col.add('consequences.cost.served.share_unknown', 'warning', [...served.citations, ...t.citations], {
      jurisdiction: c.jurisdiction,
      rule: served.rule,
      missing_law: served.missing_law,
      months: t.months,
      term_lower_bound: t.lower_bound,
      upper_bound_usd: usdOf(high),
      // the bounds the release rule fixes (earliest parole eligibility; the term, or an indeterminate maximum)
      ...(low === null
        ? {}
        : { lower_bound_months: low, lower_bound_usd: usdOf(low), upper_bound_months: high }),
    });
    return null;
  }
  if (!rate) return null;
  const shortened = served.months < t.months;
  const out: Cost = {
    usd: Math.round(served.years * rate.usd),
    person_years: round2(served.years),
    rate_usd_per_year: rate.usd,
    citations: [rate.law, ...t.citations, ...served.citations.filter((x) => !t.citations.includes(x))],
    basis: shortened ? 'expected_time_served' : t.basis,
    months: served.months,
    fiscal_year: rate.fiscal_year,
    expected_served_months: served.months,
    release_rule: served.rule,
    cost_of_term_imposed: {
      usd: Math.round(termYears * rate.usd),
      person_years: round2(termYears),
      months: t.months,
      basis: t.basis,
    },
  };
  // the release rule's citation is on its own finding above
  col.add('consequences.cost.total', 'info', [rate.law, ...t.citations], {
    usd: out.usd,
    person_years: out.person_years,
    months: out.months,
    basis: out.basis,
    rate_usd_per_year: rate.usd,
    term_months: t.months,
    term_basis: t.basis,
    term_usd: out.cost_of_term_imposed.usd,
  });
  return out;
}
