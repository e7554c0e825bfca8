import type { Prior } from '../../../model/case.ts';
import { addMonths } from '../../../model/dates.ts';
import type { Term } from '../../../model/terms.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { AppliedEnhancement, StateConduct, StateSentence } from '../types.ts';

interface Degree {
  max_months: Term;
  reclassified: string;
}

/** Fla. Stat. 775.087(1): a weapon during a felony (not an element) reclassifies it one degree up. */
export function fl775_087_1(
  input: RuleInput,
  degree: string,
  trace: Trace,
): { degree: string; max: Term; levelPlus: boolean } | undefined {
  const w = input.case.conduct.weapon ?? 'none';
  if (w === 'none' || w === 'nearby') return undefined;
  const d = trace.cite(input.law.statute('state').get<Record<string, Degree>>('us_fl.fl775_082.degrees'));
  const next = d.value[degree]?.reclassified;
  const to = next ? d.value[next] : undefined;
  if (!next || !to) return undefined;
  trace.add('exposure.state.fl.weapon_reclassified', 'warning', [d.law], { from: degree, to: next });
  return { degree: next, max: to.max_months, levelPlus: true };
}

/** Fla. Stat. 775.087(2) (10-20-Life): actual possession of a firearm during trafficking sets a minimum term. */
export function fl775_087_2(input: RuleInput, trace: Trace): number | undefined {
  const w = input.case.conduct.weapon ?? 'none';
  const t = trace.cite(
    input.law
      .statute('state')
      .get<{ in_force: boolean } & Record<string, number>>('us_fl.fl775_087.ten_twenty_life'),
  );
  if (!t.value.in_force || w === 'none') return undefined;
  if (w === 'nearby') {
    trace.add('exposure.state.firearm_reach_undetermined', 'warning', [t.law], { weapon: w });
    return undefined;
  }
  const months = t.value[w];
  if (months === undefined) return undefined;
  trace.add('exposure.state.fl.ten_twenty_life', 'critical', [t.law], { months, weapon: w });
  return months;
}

/**
 * Fla. Stat. 775.084: habitual felony offender - two prior felonies, the new felony within the window of the
 * last conviction or release, the new felony and one prior not possession. Discretionary: the raised maximum
 * is the worst case, said.
 */
export function fl775_084(
  input: RuleInput,
  conduct: StateConduct,
  degree: string,
  priors: readonly Prior[],
  trace: Trace,
): { max: Term; enhancement: AppliedEnhancement } | undefined {
  const felonies = priors.filter((p) => p.felony);
  if (conduct === 'possession' || !felonies.length) return undefined;
  const h = trace.cite(
    input.law.statute('state').get<{
      priors_required: number;
      window_months: number;
      max_by_degree: Record<string, Term>;
    }>('us_fl.fl775_084.habitual_felony_offender'),
  );
  const last = felonies
    .map((p) => p.release_date ?? p.date)
    .sort()
    .at(-1) as string;
  const recent = input.dates.offense < addMonths(last, h.value.window_months);
  const notPossession = felonies.some((p) => p.kind !== 'drug_possession');
  const max = h.value.max_by_degree[degree];
  if (felonies.length < h.value.priors_required || !recent || !notPossession || max === undefined)
    return undefined;
  trace.add('exposure.state.fl.habitual_felony_offender', 'warning', [h.law], {
    priors: felonies.length,
    max,
  });
  return { max, enhancement: { code: 'fl_775_084_hfo', citation: h.law, effect: 'maximum_raised' } };
}

interface Scoresheet {
  primary_points: Record<string, number>;
  prison_threshold_points: number;
  subtract_points: number;
  months_per_point: number;
  reclassified_level_plus: number;
}

/**
 * Fla. Stat. 921.0024: the Criminal Punishment Code's lowest permissible sentence from the primary offense's
 * level. Prior-record points need each prior's level, which the case does not record: with priors the
 * minimum is a lower bound (said); a level not in the knowledge base leaves the grid undetermined.
 */
export function fl921_0024(
  input: RuleInput,
  level: number | null,
  levelPlus: boolean,
  priors: number,
  trace: Trace,
): StateSentence['grid'] {
  const s = trace.cite(input.law.statute('state').get<Scoresheet>('us_fl.fl921_0024.scoresheet'));
  const citations = [s.law];
  if (level === null) {
    trace.add('exposure.state.fl.offense_level_unverified', 'warning', citations);
    return {
      kind: 'fl_cpc',
      minimum_months: null,
      maximum_months: null,
      binding: true,
      values: {},
      citations,
    };
  }
  const scored = levelPlus ? level + s.value.reclassified_level_plus : level;
  const points = s.value.primary_points[String(scored)] ?? null;
  if (points === null)
    return {
      kind: 'fl_cpc',
      minimum_months: null,
      maximum_months: null,
      binding: true,
      values: { level: scored },
      citations,
    };
  const lps =
    points > s.value.prison_threshold_points
      ? Math.round((points - s.value.subtract_points) * s.value.months_per_point)
      : 0;
  if (priors) trace.add('exposure.state.fl.prior_points_not_scored', 'warning', citations, { priors });
  trace.add('exposure.state.fl.lowest_permissible', 'info', citations, {
    level: scored,
    points,
    months: lps,
  });
  return {
    kind: 'fl_cpc',
    minimum_months: lps,
    maximum_months: null,
    binding: true,
    values: {
      offense_level: scored,
      total_points: points,
      prior_points_scored: false,
      non_prison_permitted: lps === 0,
    },
    citations,
  };
}
