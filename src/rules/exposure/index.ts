import { LawGapError } from '../../law/errors.ts';
import type { Exposure, RoleResult } from '../../model/assessment.ts';
import type { IsoDate } from '../../model/dates.ts';
import type { RawFinding } from '../../model/finding.ts';
import { addTerms, type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import { type ChargeResult, type ChargingPolicy, chargeOf } from './charge.ts';
import { type CriminalHistory, criminalHistory } from './criminal-history.ts';
import { firearms924c } from './firearms-924c.ts';
import { type GuidelineResult, guidelinesUnder, type KnownHistory } from './guidelines.ts';
import { safetyValve } from './safety-valve.ts';
import { statutoryRange } from './statutory.ts';
import { chooseManual, sentencingManual } from './ussg-1b1-11.ts';

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
  // The safety valve reads criminal-history points as the guidelines determine them (3553(f)(1)).
  const known = pointsForSafetyValve(input, trace);
  const sv = safetyValve(input, charge, known?.history ?? givenHistory(input), statutory.min);

  let guidelines: GuidelineResult | null = null;
  let manual: IsoDate | null = null;
  try {
    const chosen = chooseManual(
      input,
      (m) => guidelinesUnder(m, { input, charge, statutory, firearms, safetyValve: sv, role, known }),
      trace,
    );
    guidelines = chosen.result;
    manual = chosen.manual;
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    trace.add('law.gap', 'critical', ['USSG 1B1.11'], { parameter: e.parameter, date: e.date });
  }

  // Mandatory prison terms: the drug minimum unless the safety valve or a 3553(e) motion removes it, plus 924(c).
  const assistance = input.case.cooperation?.substantial_assistance === true;
  let drugMinimum: Term = statutory.min;
  if (sv.eligible === true) drugMinimum = 0;
  let total = addTerms(drugMinimum, firearms.total);
  if (assistance && termGte(total, 1)) {
    const e = trace.cite(
      input.law.statute('statute').get<boolean>('us_fed.usc18_3553e.below_minimum_on_motion'),
    );
    if (e.value) {
      trace.add('exposure.substantial_assistance', 'info', [e.law], { minimum: total });
      total = 0;
    }
  }
  if (termGte(total, 1))
    trace.add('exposure.mandatory_minimum.triggered', 'critical', statutory.citations, { months: total });
  // The best case where an unknown fact decides: the safety valve applying (drug minimum removed), or the
  // undetermined priors not qualifying; shown beside the worst case with the facts that would settle it.
  const bestDrug = sv.eligible !== false ? 0 : (statutory.bestCaseMin ?? drugMinimum);
  const best = addTerms(bestDrug, firearms.total);
  if (!assistance && total !== best && termGte(total, best))
    trace.add('exposure.mandatory_minimum.best_case', 'warning', [...statutory.citations, ...sv.citations], {
      months: best,
      worst_months: total,
      if: sv.eligible === null ? 'safety_valve' : (statutory.bestCaseIf ?? 'priors'),
    });

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
    mandatory_minimum_months: total,
    guidelines: guidelines?.guidelines ?? null,
  };
  const findings = [
    ...charge.trace.findings,
    ...statutory.trace.findings,
    ...firearms.trace.findings,
    ...sv.trace.findings,
    ...(guidelines?.trace.findings ?? []),
    ...trace.findings,
  ];
  return { exposure, charge, manual, findings };
}
