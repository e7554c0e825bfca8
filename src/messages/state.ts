import type { Template } from './catalog.ts';
import { list, num, term } from './format.ts';

/** Messages of the state sentencing engines (src/rules/state/). */
export const stateMessages: Record<string, Template> = {
  'charge.state.attributed_quantity_not_charged': (v) =>
    `A quantity attributed through others is not charged: ${v.jurisdiction} conspiracy and party rules for quantity are not modelled, so only the person's own quantity counts.`,
  'charge.state.distribution': (v) =>
    `Charged with sale, distribution or possession with intent to distribute${Array.isArray(v.activities) && v.activities.length ? ` for: ${list(v.activities)}` : ' (a transacted quantity)'}.`,
  'charge.state.intent_from_indicia': (v) =>
    `Only possession was shown, but current practice charges possession with intent to distribute on: ${list(v.indicia)} - the weak evidence the report criticises.`,
  'charge.state.possession': () => 'Only possession: charged as possession of a controlled substance.',
  'exposure.state.prior_enhancements_off': (v) =>
    `Prior-conviction enhancements are ended under this scenario: ${v.priors} prior(s) do not raise the penalty.`,
  'exposure.state.probation_unverified': (v) =>
    `Whether the ${String(v.row).replaceAll('_', ' ')} term may be probated or suspended is not verified: ${term(v.minimum)} is shown as the worst case.`,
  'exposure.state.maximum_unverified': (v) =>
    `The maximum term of the ${String(v.row).replaceAll('_', ' ')} row is not verified in the knowledge base.`,
  'exposure.state.substance_not_covered': (v) =>
    `The state engine does not cover ${list(v.substances)} for this offense (${v.jurisdiction}): no range is computed.`,
  'exposure.state.substance_not_counted': (v) =>
    `${list(v.substances)} is not counted: its penalties are not in the knowledge base.`,
  'exposure.state.no_tier': (v) =>
    `No penalty row of ${v.offense} covers ${num(v.grams)} g in the knowledge base (${v.jurisdiction}): no range is computed.`,
  'exposure.state.recidivist_notice_assumed': (v) =>
    `Assumes the prosecutor gives notice of ${v.priors} prior sale conviction(s) to seek the repeat-offense penalty: a choice, not a requirement.`,
  'exposure.state.trafficking_by_weight': (v) =>
    `${num(v.grams)} g of ${String(v.drug).replaceAll('_', ' ')} reaches the trafficking weight of ${num(v.threshold)} g: weight alone makes it trafficking, without proof of selling.`,
  'exposure.state.firearm_reach_undetermined': () =>
    "A weapon nearby may or may not have been within arm's reach: the consecutive firearm term is not counted.",
  'exposure.state.firearm_consecutive': (v) =>
    `A firearm during the drug offense adds a consecutive ${term(v.months)}.`,
  'exposure.state.school_zone_count': (v) =>
    `Within a school zone: a separate, consecutive offense of up to ${term(v.max)}.`,
  'exposure.state.ga.departure_available': () =>
    'The judge may depart below the trafficking minimum (O.C.G.A. 16-13-31(g)): the facts given meet its conditions.',
  'exposure.state.ga.departure_unavailable': (v) =>
    Array.isArray(v.failed) && v.failed.length
      ? `No departure below the trafficking minimum: ${list((v.failed as string[]).map((f) => f.replaceAll('_', ' ')))} not met.`
      : 'No departure below the trafficking minimum existed on the offense date.',
  'exposure.state.ga.b1_possession_not_enhanced': () =>
    'A repeat possession conviction: the recidivist rules of 17-10-7(a) and (c) do not apply (17-10-7(b.1)).',
  'exposure.state.ga.longest_term': (v) =>
    `With ${v.priors} prior felony conviction(s), 17-10-7(a) requires the longest term, which the judge may probate or suspend.`,
  'exposure.state.ny.merit_time_not_applied': (v) =>
    `A determinate drug term of a year or more (${term(v.term_months)}) may also earn merit time (N.Y. Correction Law 803(1)(d)), whose amount was not verified: it is not applied, so the earliest release shown is by good time alone (six-sevenths of the term).`,
  'exposure.state.ga.parole_floor_discretionary': (v) =>
    `On a ${term(v.term_months)} term, parole is first considered after ${term(v.consideration_months)} (O.C.G.A. 42-9-45(b)(2): one-third or nine months, whichever is greater, seven years at most), but that is not a floor on time served: the Board may parole earlier when restitution is a condition of parole (17-14-4) and by its policy considers lower severity levels earlier. No lower bound is given; the whole term is the upper bound.`,
  'exposure.state.ga.fourth_felony_no_parole': (v) =>
    `With ${v.priors} prior felonies (${v.required} required), 17-10-7(c) requires the term imposed to be served in full, without parole.`,
  'exposure.state.trafficking_penalty_unverified': (v) =>
    `${num(v.grams)} g of ${v.drug} reaches the trafficking weight of ${num(v.threshold)} g, but the trafficking penalty is not verified in the knowledge base (${v.jurisdiction}): no range is computed.`,
  'exposure.state.fl.weapon_reclassified': (v) =>
    `A weapon during the felony reclassifies it one degree up, from ${v.from} to ${String(v.to).replaceAll('_', ' ')} (Fla. Stat. 775.087(1)).`,
  'exposure.state.fl.ten_twenty_life': (v) =>
    `A firearm ${v.weapon} during trafficking carries a minimum of ${term(v.months)} (10-20-Life, Fla. Stat. 775.087(2)).`,
  'exposure.state.fl.habitual_felony_offender': (v) =>
    `With ${v.priors} prior felonies the State may seek habitual felony offender sentencing, raising the maximum to ${term(v.max)}: a choice, not a requirement (the worst case is shown).`,
  'exposure.state.fl.offense_level_unverified': () =>
    'The Criminal Punishment Code offense level of this offense on this date is not in the knowledge base: the lowest permissible sentence is not computed.',
  'exposure.state.fl.prior_points_not_scored': (v) =>
    `${v.priors} prior(s) are not scored (their offense levels are not recorded): the scoresheet minimum is a lower bound.`,
  'exposure.state.fl.lowest_permissible': (v) =>
    Number(v.months) > 0
      ? `Criminal Punishment Code: offense level ${v.level}, ${num(v.points)} points, lowest permissible sentence ${term(v.months)}.`
      : `Criminal Punishment Code: offense level ${v.level}, ${num(v.points)} points - a non-prison sanction is permitted.`,
  'exposure.state.mi.repeat_maximum': (v) =>
    `With ${v.priors} prior felony conviction(s) the prosecutor may seek a maximum of ${term(v.max)} (${String(v.rule).replace('mi_', 'MCL ').replaceAll('_', '.')}): a choice, not a requirement (the worst case is shown).`,
  'exposure.state.mi.guidelines_not_scored': (v) =>
    `The judge sets the minimum under the MCL 777 guidelines (offense class ${v.offense_class}); their prior-record and offense-variable scoring is not in the knowledge base, so the recommended minimum is not computed.`,
  'exposure.state.nc.habitual_felon': (v) =>
    `With ${v.priors} prior felonies the State may indict as a habitual felon: the Class ${v.from} felony is sentenced as Class ${v.to} (N.C.G.S. 14-7.6) - a choice, not a requirement (the worst case is shown).`,
  'exposure.state.nc.grid_cell': (v) =>
    `Structured sentencing chart: Class ${v.offense_class}, prior record level ${v.level} (${v.points} points): ${String(v.dispositions).includes('C') || String(v.dispositions).includes('I') ? 'a non-prison sentence is permitted' : 'an active prison term is required'} (${v.dispositions}), presumptive minimum ${v.presumptive} months, maximum up to ${term(v.max)} (N.C.G.S. 15A-1340.17).`,
  'exposure.state.nc.prior_class_undetermined': (v) =>
    `The class of ${Array.isArray(v.missing) ? v.missing.length : 1} prior conviction(s) is not given: the prior record points are ${v.points} (N.C.G.S. 15A-1340.14), and the range runs from the best to the worst level.`,
  'exposure.state.nc.same_elements_point': (v) =>
    `A prior of the same kind may include every element of this offense, which adds ${v.points} point (N.C.G.S. 15A-1340.14(b)(6)): the worst case counts it.`,
  'exposure.state.nc.grid_cell_not_verified': (v) =>
    `The structured sentencing chart cell for Class ${v.offense_class} at prior record level ${v.level} on this date is not in the knowledge base: that bound is not computed.`,
  'exposure.state.nc.prior_class_not_covered': (v) =>
    `"${v.class}" is not a North Carolina ${v.felony ? 'felony' : 'misdemeanor'} class the prior record points know (${v.path}).`,
  'exposure.state.nc.class_not_covered': (v) =>
    `The structured sentencing chart row for Class ${v.offense_class} is not in the knowledge base.`,
  'exposure.state.penalty_unverified': (v) =>
    `The penalty that applies (${v.parameter}) is not verified in the knowledge base (${v.jurisdiction}): no range is computed.`,
  'exposure.state.la.cleansing_period_unverified': () =>
    'The habitual-offender cleansing period since Act 282 (2017) is not verified: every prior felony is counted (the worst case).',
  'exposure.state.la.habitual_offender': (v) =>
    `With ${v.priors} prior felonies the district attorney may file a habitual-offender bill: ${term(v.min)} to ${term(v.max)} (La. R.S. 15:529.1) - a choice, not a requirement (the worst case is shown).`,
  'exposure.state.la.firearm_minimum': (v) =>
    `A firearm during the felony sets a minimum of ${term(v.months)} (La. C.Cr.P. art. 893.3).`,
};
