import { dotted } from '../../model/dotted.ts';
import type { Term } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import type { ChargeResult } from './charge.ts';
import type { CriminalHistory } from './criminal-history.ts';

type Criterion1 =
  /** a reform's switch: no criminal-history criterion at all (never the law in force) */
  | { version: 'none' }
  | { version: 'points'; max_points: number }
  | {
      version: 'first_step_act';
      max_countable_points: number;
      excluded_point_value: number;
      no_prior_of_points: number;
      no_violent_prior_of_points: number;
      any_one_disqualifies: boolean;
    };

export interface SafetyValveResult {
  eligible: boolean | null;
  /** criteria codes that failed, and facts that would settle the undetermined ones */
  failed: string[];
  missing: string[];
  citations: string[];
  trace: Trace;
}

const OFFENSE_CODES: Record<string, string> = { usc21_841: '841', usc21_844: '844', usc21_846: '846' };

/** 18 U.S.C. 3553(f) / USSG 5C1.2: relief from the drug minimum if all five criteria are met. */
export function safetyValve(
  input: RuleInput,
  charge: ChargeResult,
  history: CriminalHistory,
  drugMinimum: Term,
): SafetyValveResult {
  const trace = new Trace();
  const statute = input.law.statute('statute');
  const available = trace.cite(statute.get<boolean>('us_fed.usc18_3553f.available'));
  if (!available.value) {
    trace.add('exposure.safety_valve.not_yet_enacted', 'info', [available.law]);
    return { eligible: false, failed: ['not_enacted'], missing: [], citations: [available.law], trace };
  }
  const offenses = trace.cite(statute.get<string[]>('us_fed.usc18_3553f.offenses'));
  const c1 = trace.cite(statute.get<Criterion1>('us_fed.usc18_3553f.criterion_1'));
  const failed: string[] = [];
  const missing: string[] = [];
  const code = OFFENSE_CODES[charge.offense];
  if (!code || !offenses.value.includes(code)) failed.push('offense_not_covered');

  // (f)(1) criminal history
  const v = c1.value;
  if (v.version === 'none') {
    trace.add('exposure.safety_valve.no_history_criterion', 'info', [c1.law]);
  } else if (v.version === 'points') {
    if (history.points > v.max_points) failed.push('criminal_history');
  } else if (history.overridden && (input.case.history?.priors?.length ?? 0) === 0) {
    // Only the total is known: a total too small to hold a 2-point prior settles it, and so does a total whose
    // points beyond all that one-point sentences can add (4A1.1(c)) already exceed (f)(1)(A)'s limit, since
    // only one-point offenses are excluded from the count; otherwise the priors are needed.
    const atLeastCountable = history.onePointCap === null ? null : history.points - history.onePointCap;
    if (atLeastCountable !== null && atLeastCountable > v.max_countable_points) {
      failed.push('criminal_history');
      trace.add('exposure.safety_valve.too_many_points', 'info', [c1.law], {
        countable: atLeastCountable,
        max: v.max_countable_points,
        at_least: true,
      });
    } else if (history.points >= v.no_violent_prior_of_points) missing.push('history.priors');
  } else {
    const countable = history.perPrior
      .filter((p) => p.points !== v.excluded_point_value)
      .reduce((s, p) => s + p.points, 0);
    const tooMany = countable > v.max_countable_points;
    const threePoint = history.perPrior.some((p) => p.points >= v.no_prior_of_points);
    const violentTwo = history.perPrior.some(
      (p) => p.points === v.no_violent_prior_of_points && p.kind === 'violent',
    );
    const hits = [tooMany, threePoint, violentTwo].filter(Boolean).length;
    if (v.any_one_disqualifies ? hits > 0 : hits === 3) failed.push('criminal_history');
    if (tooMany)
      trace.add('exposure.safety_valve.too_many_points', 'info', [c1.law], {
        countable,
        max: v.max_countable_points,
      });
    if (threePoint) trace.add('exposure.safety_valve.three_point_prior', 'info', [c1.law]);
    if (violentTwo) trace.add('exposure.safety_valve.two_point_violent_prior', 'info', [c1.law]);
  }
  const conduct = input.case.conduct;
  // (f)(2) violence or a weapon in connection with the offense
  const weapon = conduct.weapon ?? 'none';
  if (
    (conduct.violence ?? 'none') !== 'none' ||
    ['possessed', 'brandished', 'discharged'].includes(weapon) ||
    (conduct.firearm_counts ?? 0) > 0
  )
    failed.push('violence_or_weapon');
  else if (weapon === 'nearby') missing.push('conduct.weapon');
  // (f)(3) death or serious bodily injury
  if (conduct.death_resulted || conduct.serious_bodily_injury_resulted) failed.push('death_or_injury');
  // (f)(4) aggravating role
  const acts = conduct.activities;
  if (acts.includes('organized') || acts.includes('supervised') || (conduct.people_supervised ?? 0) > 0)
    failed.push('aggravating_role');
  // (f)(5) truthful disclosure
  const disclosure = input.case.cooperation?.truthful_disclosure;
  if (disclosure === false) failed.push('no_truthful_disclosure');
  else if (disclosure === undefined) missing.push('cooperation.truthful_disclosure');

  const citations = [...trace.citations];
  const eligible = failed.length ? false : missing.length ? null : true;
  // each failed criterion is cited to its own paragraph (the 1994 (f)(1) or the First Step Act's, for (f)(1))
  const paragraphs = statute.get<Record<string, string>>('us_fed.usc18_3553f.criteria').value;
  for (const f of failed)
    trace.add(dotted('exposure.safety_valve.failed', f), 'info', [
      f === 'criminal_history' ? c1.law : (paragraphs[f] ?? c1.law),
    ]);
  if (eligible === true)
    trace.add('exposure.safety_valve.eligible', 'info', citations, { minimum: drugMinimum });
  if (eligible === null)
    trace.add('exposure.safety_valve.undetermined', 'warning', citations, { missing, minimum: drugMinimum });
  return { eligible, failed, missing, citations, trace };
}
