import { jurisdictionKey } from '../../law/jurisdiction.ts';
import { dotted } from '../../model/dotted.ts';
import { expectedTerm, type TermBasis } from '../../model/expected-term.ts';
import type { Term } from '../../model/terms.ts';
import type { Collector } from './common.ts';

interface Rate {
  usd_per_year: number | null;
  fiscal_year: number;
  period_end: string;
  lower_bound_usd?: number;
  basis: string;
}

export interface Cost {
  usd: number;
  person_years: number;
  rate_usd_per_year: number;
  citations: string[];
  basis: TermBasis;
  months: number;
  fiscal_year: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const MONTHS_PER_YEAR = 12; // calendar arithmetic, not a legal number

/** The term the cost is computed on (shared with relief: src/model/expected-term.ts), with its citations. */
function term(col: Collector): { months: Term; basis: Cost['basis']; citations: string[] } | null {
  const e = col.input.exposure;
  const t = expectedTerm(e);
  if (!e || !t) return null; // no engine for this jurisdiction (state cases)
  return {
    ...t,
    citations: [
      ...e.statutory.citations,
      ...e.firearms.citations,
      ...(e.guidelines?.citations ?? []),
      ...(e.state?.release.citations ?? []),
    ],
  };
}

/** Cost of the mandatory / guideline term at the jurisdiction's cost per person-year (rate read at the evaluation date). */
export function cost(col: Collector): Cost | null {
  const c = col.input.case;
  const p = jurisdictionKey(c.jurisdiction);
  const r = col.law.maybe<Rate>(dotted(p, 'cost_per_person_year'));
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
  } else if (rate.usd_per_year === null) {
    col.add('consequences.cost.rate_lower_bound', 'info', [r.law], {
      jurisdiction: c.jurisdiction,
      lower_bound_usd: rate.lower_bound_usd ?? null,
      fiscal_year: rate.fiscal_year,
    });
  } else {
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
  }

  const t = term(col);
  if (!t) {
    col.add(
      c.jurisdiction === 'US-FED'
        ? 'consequences.cost.no_exposure'
        : 'consequences.cost.no_state_sentencing_engine',
      'info',
      [],
      {
        jurisdiction: c.jurisdiction,
      },
    );
    return null;
  }
  if (t.months === 'life') {
    col.add('consequences.cost.life_term', 'warning', t.citations, { basis: t.basis });
    return null;
  }
  if (!r || rate === null || rate.usd_per_year === null) return null;
  const years = t.months / MONTHS_PER_YEAR;
  const out: Cost = {
    usd: Math.round(years * rate.usd_per_year),
    person_years: round2(years),
    rate_usd_per_year: rate.usd_per_year,
    citations: [r.law, ...t.citations],
    basis: t.basis,
    months: t.months,
    fiscal_year: rate.fiscal_year,
  };
  col.add('consequences.cost.total', 'info', out.citations, {
    usd: out.usd,
    person_years: out.person_years,
    months: t.months,
    basis: t.basis,
    rate_usd_per_year: rate.usd_per_year,
  });
  return out;
}
