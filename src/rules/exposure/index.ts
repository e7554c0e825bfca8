import { LawGapError } from '../../law/errors.ts';
import type { Exposure, Guidelines, RoleResult } from '../../model/assessment.ts';
import type { IsoDate } from '../../model/dates.ts';
import { extend } from '../../model/extend.ts';
import type { RawFinding } from '../../model/finding.ts';
import { addTerms, type Term, termGte } from '../../model/terms.ts';

const greater = (a: Term, b: Term): Term => (termGte(a, b) ? a : b);

import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import { type ChargeResult, type ChargingPolicy, chargeOf } from './charge.ts';
import { type CriminalHistory, criminalHistory } from './criminal-history.ts';
import { firearms924c } from './firearms-924c.ts';
import { type GuidelineResult, guidelinesUnder, type KnownHistory } from './guidelines.ts';
import { safetyValve } from './safety-valve.ts';
import { statutoryRange } from './statutory.ts';
import { belowMinimum, motionsOf } from './substantial-assistance.ts';
import { type FelonInPossessionResult, felonInPossession } from './usc18-922g.ts';
import { chooseManual, sentencingManual } from './ussg-1b1-11.ts';
import { rangeFloor } from './ussg-5k1-1.ts';

export interface ExposureResult {
  exposure: Exposure;
  charge: ChargeResult;
  manual: IsoDate | null;
  findings: RawFinding[];
}

/** The case's own point count, when no Manual applies. */
function givenHistory(input: RuleInput): CriminalHistory {
  const points = input.case.history?.criminal_history_points ?? 0;
  return { points, category: 'I', perPrior: [], overridden: true, onePointCap: null, citations: [] };
}

/**
 * Criminal-history points under the Manual in force at sentencing (the safety valve reads them, 3553(f)(1));
 * without a Manual, the case's own count. Kept so the guidelines under the same Manual do not recount.
 */
function pointsForSafetyValve(input: RuleInput, trace: Trace): KnownHistory | null {
  const manual = sentencingManual(input);
  if (!manual) return null;
  try {
    const own = new Trace();
    const history = criminalHistory(input.case, input.dates.offense, input.law.at(manual, 'guidelines'), own);
    return { manual, history, findings: own.findings };
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    trace.add('law.gap', 'critical', ['USSG 4A1.1'], { parameter: e.parameter, date: e.date });
    return null;
  }
}

/**
 * The findings the case leaves open, by the law each is made under: the court's guideline findings ('unknown'),
 * whether the priors make the person an armed career criminal (924(e), 4B1.4), and grouping where authority divides.
 */
function openFindings(input: RuleInput, fip: FelonInPossessionResult | null): string[] {
  const a = input.case.adjustments;
  const groupingOpen = fip !== null && (input.case.conduct.firearm_counts ?? 0) > 0;
  return [
    ...(a?.mitigating_role === 'unknown' ? ['USSG 3B1.2'] : []),
    ...(a?.obstruction === 'unknown' ? ['USSG 3C1.1'] : []),
    ...(fip?.acca.applies === null ? [fip.acca.law] : []),
    ...(groupingOpen ? ['USSG 3D1.2(c)'] : []),
  ];
}

/** The guideline range with the open findings read the person's way, beside the worst case shown. */
function bestCaseRange(worst: Guidelines, best: GuidelineResult, open: string[], trace: Trace): void {
  const b = best.guidelines;
  if (!b) return;
  const range = b.total_range_months ?? b.range_months;
  const worstRange = worst.total_range_months ?? worst.range_months;
  if (range[0] === worstRange[0] && range[1] === worstRange[1]) return;
  worst.best_case_range_months = range;
  worst.best_case_offense_level = b.offense_level;
  trace.add('guidelines.best_case', 'warning', open, {
    range,
    worst_range: worstRange,
    level: b.offense_level,
    worst_level: worst.offense_level,
  });
}

/** Federal sentencing exposure: charge, statutory range, 924(c), safety valve, mandatory minimum, guideline range. */
export function federalExposure(
  input: RuleInput,
  role: RoleResult | null,
  policy?: ChargingPolicy,
): ExposureResult {
  const trace = new Trace();
  const charge = chargeOf(input, policy);
  const statutory = statutoryRange(input, charge);
  const firearms = firearms924c(input);
  const fip = felonInPossession(input);
  // The safety valve reads criminal-history points as the guidelines determine them (3553(f)(1)).
  const known = pointsForSafetyValve(input, trace);
  const sv = safetyValve(input, charge, known?.history ?? givenHistory(input), statutory.min);

  let guidelines: GuidelineResult | null = null;
  let manual: IsoDate | null = null;
  const inputs = { input, charge, statutory, firearms, safetyValve: sv, role, known, felonInPossession: fip };
  try {
    const chosen = chooseManual(input, (m) => guidelinesUnder(m, inputs), trace);
    guidelines = chosen.result;
    manual = chosen.manual;
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    trace.add('law.gap', 'critical', ['USSG 1B1.11'], { parameter: e.parameter, date: e.date });
  }
  const open = openFindings(input, fip);
  if (manual && guidelines?.guidelines && open.length)
    bestCaseRange(
      guidelines.guidelines,
      guidelinesUnder(manual, extend(inputs, { bound: 'best' as const })),
      open,
      trace,
    );

  // Mandatory prison terms: the drug minimum unless the safety valve or a 3553(e) motion removes it, or the
  // 924(e) minimum of a 922(g) count if greater (the counts run concurrently; the safety valve never reaches
  // 924(e)), plus 924(c).
  const motions = motionsOf(input.case);
  let drugMinimum: Term = statutory.min;
  if (sv.eligible === true) drugMinimum = 0;
  const countsMinimum = fip ? greater(drugMinimum, fip.min) : drugMinimum;
  const below = belowMinimum(input, motions.statutory, addTerms(countsMinimum, firearms.total), trace);
  const total = below.minimum;
  if (termGte(total, 1))
    trace.add('exposure.mandatory_minimum.triggered', 'critical', statutory.citations, { months: total });
  // The best case where an unknown fact decides: the safety valve applying (drug minimum removed), the
  // undetermined priors not qualifying, or the 3553(e) motion filed; shown beside the worst case with the
  // facts that would settle it.
  const bestDrug = sv.eligible !== false ? 0 : (statutory.bestCaseMin ?? drugMinimum);
  let best = addTerms(fip ? greater(bestDrug, fip.bestMin) : bestDrug, firearms.total);
  let bestIf = sv.eligible === null ? 'safety_valve' : (statutory.bestCaseIf ?? 'priors');
  if (fip && fip.acca.applies === null && bestDrug === drugMinimum) bestIf = 'acca';
  if (below.binds === null && termGte(best, 1)) {
    best = 0;
    bestIf = 'motion_3553e';
  }
  if (below.binds !== false && total !== best && termGte(total, best))
    trace.add('exposure.mandatory_minimum.best_case', 'warning', [...statutory.citations, ...sv.citations], {
      months: best,
      worst_months: total,
      if: bestIf,
    });
  const g = guidelines?.guidelines;
  const floor =
    manual && g && motions.stated
      ? rangeFloor(
          motions,
          { range: g.range_months, tableRange: g.table_range_months },
          total,
          input.law.at(manual, 'guidelines'),
          trace,
        )
      : null;

  const exposure: Exposure = {
    statutory: {
      minimum_months: statutory.min,
      maximum_months: statutory.max,
      citations: statutory.citations,
      offense: statutory.offense,
      row: statutory.row,
      ...(statutory.tier ? { tier: statutory.tier } : {}),
      ...(statutory.minDays ? { minimum_days: statutory.minDays } : {}),
    },
    firearms: {
      consecutive_minimum_months: firearms.total,
      citations: firearms.citations,
      counts_months: firearms.counts,
    },
    safety_valve: {
      eligible: sv.eligible,
      reasons: [...sv.failed, ...sv.missing.map((m) => `needs ${m}`)],
      citations: sv.citations,
    },
    ...(fip
      ? {
          felon_in_possession: {
            counts: fip.counts,
            minimum_months: fip.min,
            maximum_months: fip.max,
            armed_career_criminal: fip.acca.applies,
            occasions: fip.acca.possibleOccasions,
            citations: fip.citations,
          },
        }
      : {}),
    mandatory_minimum_months: total,
    guidelines: guidelines?.guidelines ?? null,
    ...(motions.stated
      ? {
          substantial_assistance: {
            motion_5k1_1: motions.guideline,
            motion_3553e: motions.statutory,
            minimum_binds: below.binds,
            range_floor_binds: floor?.binds ?? null,
            citations: [...below.citations, ...(floor?.law ? [floor.law] : [])],
          },
        }
      : {}),
  };
  const findings = [
    ...charge.trace.findings,
    ...statutory.trace.findings,
    ...firearms.trace.findings,
    ...(fip?.trace.findings ?? []),
    ...sv.trace.findings,
    ...(guidelines?.trace.findings ?? []),
    ...trace.findings,
  ];
  return { exposure, charge, manual, findings };
}
