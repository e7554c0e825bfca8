import type { Template } from './catalog.ts';
import { list, num, range, term } from './format.ts';
import { functionLabel } from './role.ts';

const SV_FAILED: Record<string, string> = {
  offense_not_covered: 'the offense is not one the safety valve covers',
  criminal_history: 'the criminal history is more than the safety valve allows',
  violence_or_weapon: 'violence, a credible threat, or a firearm possessed in connection with the offense',
  death_or_injury: 'the offense resulted in death or serious bodily injury',
  aggravating_role: 'the person organized, led, managed or supervised others',
  no_truthful_disclosure: 'no truthful disclosure of the offense to the government',
  not_enacted: 'the safety valve did not exist yet',
};

/** The open fact that gives the best case, as the best-case message names it. */
const BEST_IF: Record<string, string> = {
  safety_valve: 'the safety valve applies',
  priors: 'the priors do not qualify',
  motion_3553e: 'the government moves under 3553(e)',
  weight: 'the drug weight the case lacks is below every trigger',
  acca: 'the priors do not make the person an armed career criminal',
};

export const exposureMessages: Record<string, Template> = {
  'dates.as_of': (v) =>
    `Hypothetical: the same conduct committed, convicted and sentenced on ${v.as_of} (the record keeps its timing relative to the conduct).`,
  'dates.sentencing_defaulted': (v) => `No sentencing date given: the offense date ${v.date} is used.`,
  'charge.conspiracy.network_quantity': (v) =>
    `Charged as a conspiracy (21 U.S.C. 846) with the network's attributed quantity${v.own_conduct ? '' : ', although the person did not themselves distribute'}: the current practice the report criticises.`,
  'charge.distribution.own_conduct': (v) =>
    `Charged with distribution or possession with intent to distribute (21 U.S.C. 841) for: ${list(v.activities)}.`,
  'charge.conspiracy.facilitation': (v) =>
    `Charged as a conspiracy or as aiding and abetting for helping others (${list(v.activities)}), with the principals' penalties.`,
  'charge.possession_only': () => 'Only possession: charged as simple possession (21 U.S.C. 844).',
  'exposure.statutory.ice_purity_assumed': (v) =>
    `"Ice" without a stated purity is counted at the defined minimum purity of ${num(v.purity)}.`,
  'exposure.statutory.threshold_reached': (v) =>
    `${num(v.amount)} ${v.unit} of ${v.substance} reaches the 841(b)(1)(${v.tier}) trigger of ${num(v.threshold)} ${v.unit}.`,
  'exposure.statutory.range': (v) =>
    `Statutory range under ${v.offense} (${String(v.row).replaceAll('_', ' ')}): ${range([v.min, v.max])}.`,
  'exposure.statutory.carrier_weighed': (v) =>
    `The statute weighs the LSD with its carrier: ${num(v.grams)} g, not the ${num(v.doses)} doses the Guidelines count (Chapman; Neal).`,
  'exposure.statutory.weight_undetermined': (v) =>
    `The statute weighs LSD with its carrier (Chapman; Neal), and the case gives ${num(v.doses)} doses but not the weight (${list(v.missing)}): the tier is between 841(b)(1)(${v.best_tier}) and (${v.tier}); the worse is shown.`,
  'exposure.statutory.undetermined': (v) =>
    `The ${v.row} penalty of 841(b)(1)(${v.tier}) is not verified for these dates; the base row is shown as a lower bound.`,
  'exposure.statutory.crack_possession_minimum': (v) =>
    `Possessing more than ${num(v.threshold)} g of cocaine base (${num(v.grams)} g) carried a mandatory minimum even as simple possession (repealed by the Fair Sentencing Act).`,
  'exposure.statutory.crack_repeat_threshold_unverified': (v) =>
    `With a prior conviction the crack-possession minimum applied at lower amounts that are not in the knowledge base (${num(v.grams)} g here).`,
  'exposure.priors.information_851_assumed': (v) =>
    `Assumes the prosecutor files an 851 information for ${v.priors} qualifying prior(s) (${String(v.predicate).replaceAll('_', ' ')}): a choice, not a requirement.`,
  'exposure.priors.no_information_filed': (v) =>
    `No 851 information filed: ${v.priors} prior(s) do not raise the penalty.`,
  'exposure.priors.undetermined': (v) =>
    `${v.known} prior(s) certainly qualify and ${v.possible} may; the worst case is shown. Facts that would settle it: ${list(v.missing)}.`,
  'exposure.priors.enhancements_ended': (v) =>
    `Prior-conviction enhancements do not exist under this law: ${v.priors} prior(s) do not raise the penalty.`,
  'charge.screen.possession': () =>
    'Under the charging screen the case is charged as simple possession (21 U.S.C. 844).',
  'charge.screen.own_conduct': () =>
    "Under the charging screen only the person's own conduct and quantity are charged, not the network's.",
  'exposure.screen.not_charged': (v) =>
    `Under the charging screen the case is not prosecuted (${String(v.recommendation).replaceAll('_', ' ')}): no prison exposure.`,
  'exposure.priors.not_valid': (v) =>
    `The prior of ${v.date} is no longer valid (expunged, vacated or reduced) and does not count.`,
  'exposure.felon_in_possession.counts': (v) =>
    `${v.counts} count(s) of possessing a firearm as a prohibited person (18 U.S.C. 922(g)), run with the drug count: ${v.min_months ? `at least ${term(v.min_months)}, ` : ''}at most ${term(v.max_months)}.`,
  'exposure.acca.applies': (v) =>
    `Armed Career Criminal Act: ${v.known_occasions} qualifying priors committed on different occasions (${v.needed} needed) - a minimum of ${term(v.min)} on the 922(g) count.`,
  'exposure.acca.not_applicable': (v) =>
    `Not an armed career criminal: the qualifying priors were committed on ${v.possible_occasions} occasion(s), fewer than ${v.needed} (one criminal episode is one occasion).`,
  'exposure.acca.undetermined': (v) =>
    `The Armed Career Criminal Act may apply: between ${v.known_occasions} and ${v.possible_occasions} qualifying occasions (${v.needed} needed). The worst case (the ${term(v.min)} minimum) is shown; the facts listed would settle it.`,
  'exposure.acca.occasions_for_jury': () =>
    'Whether the priors were committed on different occasions is for a unanimous jury beyond a reasonable doubt, unless admitted (Erlinger, 2024).',
  'exposure.firearms.counts': (v) =>
    `${v.counts} count(s) under 18 U.S.C. 924(c) (firearm ${v.weapon}): consecutive terms of ${list((v.terms as unknown[]).map(term))}, ${term(v.total)} in all.`,
  'exposure.firearms.every_count_charged': (v) =>
    `Assumes every one of the ${v.counts} 924(c) count(s) is charged and results in conviction.`,
  'exposure.firearms.stacked': (v) =>
    `The ${v.counts} counts are "stacked": later counts in the same case count as second or subsequent convictions.`,
  'exposure.firearms.not_stacked': (v) =>
    `The ${v.counts} counts are not stacked: the longer term needs a prior 924(c) conviction that had become final.`,
  'exposure.firearms.undetermined': () =>
    'The 924(c) term for later counts is not verified for these dates; the first-count term is shown as a lower bound.',
  'exposure.safety_valve.not_yet_enacted': () => 'The safety valve did not exist on these dates.',
  'exposure.safety_valve.too_many_points': (v) =>
    `${v.at_least ? 'At least ' : ''}${v.countable} countable criminal-history points (more than ${v.max}).`,
  'exposure.safety_valve.three_point_prior': () =>
    'A prior 3-point offense disqualifies on its own (Pulsifer).',
  'exposure.safety_valve.two_point_violent_prior': () =>
    'A prior 2-point violent offense disqualifies on its own (Pulsifer).',
  ...Object.fromEntries(
    Object.entries(SV_FAILED).map(([k, text]) => [
      `exposure.safety_valve.failed.${k}`,
      () => `Safety valve unavailable: ${text}.`,
    ]),
  ),
  'exposure.safety_valve.no_history_criterion': () =>
    'Under this law the safety valve has no criminal-history criterion: prior convictions do not bar it.',
  'exposure.safety_valve.eligible': (v) =>
    `Meets all five safety-valve criteria: the ${term(v.minimum)} drug minimum does not apply.`,
  'exposure.safety_valve.undetermined': (v) =>
    `The safety valve (relief from the ${term(v.minimum)} drug minimum) depends on: ${list(v.missing)}. The minimum is shown as if it does not apply.`,
  'exposure.substantial_assistance': (v) =>
    `A government motion for substantial assistance (18 U.S.C. 3553(e)) lets the court go below the ${term(v.minimum)} minimum: the minimum no longer binds; how far below is the court's judgment.`,
  'exposure.substantial_assistance.undetermined': (v) =>
    `Whether the government moves under 18 U.S.C. 3553(e) is not known: without the motion the ${term(v.minimum)} minimum binds; with it, it does not.`,
  'exposure.mandatory_minimum.triggered': (v) => `Mandatory minimum prison term: ${term(v.months)}.`,
  'exposure.mandatory_minimum.best_case': (v) =>
    `If the undetermined facts go the person's way (${BEST_IF[String(v.if)] ?? 'the priors do not qualify'}), the mandatory minimum is ${term(v.months)}${v.worst_months !== undefined ? `, not ${term(v.worst_months)}` : ''}.`,
  'exposure.state_engine_not_available': (v) =>
    `No sentencing engine for ${v.jurisdiction} yet: statutory range and guidelines are not computed.`,
  'guidelines.not_applicable_before_guidelines': (v) =>
    `The Sentencing Guidelines did not apply to offenses before November 1, 1987 (offense ${v.offense}).`,
  'guidelines.manual.sentencing_date_edition': (v) =>
    `Guidelines Manual of ${v.manual} (in force at sentencing) applied as a whole.`,
  'guidelines.manual.offense_date_edition': (v) =>
    `The ${v.sentencing} Manual would give a higher range than the ${v.offense} Manual in force at the offense, so the earlier Manual applies (ex post facto).`,
  'guidelines.manual.offense_edition_unavailable': (v) =>
    `The ${v.offense} Manual in force at the offense is not fully in the knowledge base (${v.parameter}), so the ex post facto comparison could not be made; the Manual at sentencing is used.`,
  'guidelines.manual.not_yet_sentenced': (v) =>
    `No sentencing date is given: the case is taken as sentenced now, under the Guidelines Manual of ${v.manual} in force on ${v.evaluation}.`,
  'guidelines.base_offense_level': (v) => `Base offense level ${v.level_after}.`,
  'guidelines.mitigating_role_cap': (v) =>
    `Mitigating-role cap on the quantity level: ${num(v.levels)} levels.`,
  'guidelines.mitigating_role_cap.death_level': (v) =>
    `The death-or-injury base level ${v.level} applies; the mitigating-role cap limits only the Drug Quantity Table level, not that level.`,
  'guidelines.weapon': (v) => `Dangerous weapon possessed: +${v.levels}.`,
  'guidelines.violence': (v) => `Violence or a credible threat: +${v.levels}.`,
  'guidelines.safety_valve': (v) => `Meets the safety-valve criteria: ${v.levels}.`,
  'guidelines.aggravating_role': (v) => `Aggravating role: +${v.levels}.`,
  'guidelines.mitigating_role.minimal': (v) => `Minimal participant: ${v.levels}.`,
  'guidelines.mitigating_role.minor': (v) => `Minor participant: ${v.levels}.`,
  'guidelines.mitigating_role.between': (v) => `Between a minimal and a minor participant: ${v.levels}.`,
  'guidelines.mitigating_role.undetermined': (v) =>
    `Whether the court finds a mitigating role (3B1.2) is not known: none is applied here; the best case applies a minimal role (${v.levels}).`,
  'guidelines.obstruction': (v) => `Obstruction of justice: +${v.levels}.`,
  'guidelines.obstruction.undetermined': (v) =>
    `Whether the court finds obstruction of justice (3C1.1) is not known: +${v.levels} is applied here, not in the best case.`,
  'guidelines.obstruction.with_acceptance': () =>
    'Obstruction ordinarily means the person has not accepted responsibility (3E1.1 n.4); both are applied as the case states them.',
  'guidelines.best_case': (v) =>
    `If the court's open findings go the person's way, the guideline range is ${range(v.range)} (level ${v.level}), not ${range(v.worst_range)} (level ${v.worst_level}).`,
  'guidelines.substantial_assistance.departure': (v) =>
    `A 5K1.1 motion for substantial assistance: the floor of the ${range(v.range)} range no longer binds; the extent of the departure is the court's.`,
  'guidelines.substantial_assistance.minimum_floor': (v) =>
    `The ${range(v.range)} range is raised to the statutory minimum (5G1.1); with the 3553(e) motion that floor no longer binds.`,
  'guidelines.substantial_assistance.undetermined': (v) =>
    `Whether the government moves under 5K1.1 is not known: with the motion the floor of the ${range(v.range)} range does not bind.`,
  'guidelines.substantial_assistance.minimum_still_binds': (v) =>
    `A 5K1.1 motion alone does not allow a sentence below the ${term(v.minimum)} statutory minimum; that needs a 3553(e) motion (Melendez).`,
  'guidelines.acceptance': (v) => `Acceptance of responsibility: ${v.levels}.`,
  'guidelines.zero_point_offender': (v) => `Zero-point offender: ${v.levels}.`,
  'guidelines.firearm_count.not_scored': () =>
    "The 922(g) count is not scored: the firearms guideline (USSG 2K2.1) for these dates is not in the knowledge base; the range is the drug count's.",
  'guidelines.firearm_count.base': (v) =>
    `The 922(g) count starts at level ${v.level} under USSG 2K2.1(a) (${v.priors} prior felony conviction(s) of a crime of violence or controlled substance offense).`,
  'guidelines.firearm_count.firearm_type_assumed': () =>
    'Assumes the firearm was not a machine gun, short-barreled gun or semiautomatic with a large-capacity magazine (those raise the 2K2.1 base level).',
  'guidelines.firearm_count.covered_by_924c': () =>
    'No 2K2.1 increase for possession in connection with the drug offense: the 924(c) count punishes that weapon.',
  'guidelines.grouping.one_group': (v) =>
    `The drug count (level ${v.drug_level}) and the 922(g) count (level ${v.firearm_level}) are closely related - the gun is an offense characteristic of each - and form one group at the higher level, ${v.level} (USSG 3D1.2(c), 3D1.3(a)).`,
  'guidelines.grouping.separate_groups': (v) =>
    `The drug count (level ${v.drug_level}) and the 922(g) count (level ${v.firearm_level}) form separate groups: ${num(v.units)} units give a combined level of ${v.level} (USSG 3D1.4).`,
  'guidelines.grouping.undetermined': (v) =>
    `Courts divide on whether these counts group when a 924(c) count removes both weapon increases: ungrouped, level ${v.level} is shown; grouped, it would be ${v.best_level}.`,
  'guidelines.armed_career_criminal': (v) =>
    `Armed career criminal (USSG 4B1.4): at least level ${v.level} (less acceptance) and criminal history category ${v.category}.`,
  'guidelines.career_offender': (v) =>
    `Career offender: ${v.priors} prior felony drug-trafficking or violent convictions; level ${v.level} from the statutory maximum of ${term(v.statutory_max)}, category VI.`,
  'guidelines.career_offender.drug_only_excluded': (v) =>
    `Not a career offender under this law: the ${v.priors} qualifying priors and the offense are all drug-trafficking offenses, and no crime of violence is among them.`,
  'guidelines.career_offender.age_assumed': (v) =>
    `Birth year unknown: the person is assumed to have been at least ${v.min_age} at the offense.`,
  'guidelines.career_offender.924c_table': (v) =>
    `Career offender with a 924(c) count: the 4B1.1(c)(3) table range ${range(v.range)} is greater than the range plus the consecutive term (${range(v.otherwise)}), so it applies.`,
  'guidelines.weapon.covered_by_924c': () =>
    'No weapon increase on the drug count: the 924(c) count covers the same firearm.',
  'guidelines.weapon.nearby': () =>
    'A weapon merely nearby (in the home or car) still adds two levels unless it is clearly improbable it was connected with the offense: the report criticises this proxy.',
  'guidelines.acceptance.third_level_assumed': () =>
    'The third acceptance level assumes a timely plea or timely complete information (before the PROTECT Act of 2003 it needed no government motion).',
  'guidelines.acceptance.third_level_on_motion': () =>
    'The third acceptance level applies on the government motion the case states.',
  'guidelines.acceptance.third_level_undetermined': (v) =>
    `The third acceptance level needs a government motion the case does not state: without it (shown) level ${v.worst_offense_level}, ${range(v.worst_range)}; with it level ${v.offense_level}, ${range(v.range)}.`,
  'guidelines.mitigating_role.discretionary': (v) =>
    `As ${functionLabel(v.function)}, a ${v.kind} role reduction (${v.levels}) may be argued, but this Manual leaves it to the judge; it is not applied.`,
  'guidelines.safety_valve_floor': (v) =>
    v.level
      ? `Safety-valve floor: offense level at least ${v.level}.`
      : `Safety-valve floor: range at least ${range(v.range)}.`,
  'guidelines.bounded_by_statute': (v) =>
    `The statutory range bounds the guideline range: ${range(v.from)} becomes ${range(v.to)}.`,
  'guidelines.criminal_history.prior_not_counted': (v) =>
    `Prior #${Number(v.index) + 1} is not counted (no longer valid).`,
  'guidelines.criminal_history.prior_too_old': (v) =>
    `Prior of ${v.date} is outside the look-back period and scores no points.`,
  'guidelines.criminal_history.sentence_unknown': (v) =>
    `Prior #${Number(v.index) + 1} has no sentence length: scored ${v.points} point(s), the lowest possible.`,
  'guidelines.criminal_history.status_points': (v) =>
    `Offense committed under a criminal justice sentence: +${v.points} point(s).`,
  'guidelines.criminal_history.recency_points': (v) =>
    `Offense soon after release from a prior prison term: +${v.points} point(s).`,
  'guidelines.criminal_history.override': (v) =>
    `Criminal-history points given in the case (${v.override}) are used instead of the computed ${v.computed}.`,
  'guidelines.quantity.actual_greater': (v) =>
    `The pure (actual) amount, ${num(v.actual_grams)} g, gives the higher level ${v.level}.`,
  'guidelines.quantity.no_conversion': (v) => `No conversion ratio for ${v.substance} in the knowledge base.`,
  'guidelines.quantity.actual_weight_assumed': (v) =>
    `The grams of ${v.substance} are taken as the weight of the drug itself, not of the pills.`,
  'guidelines.quantity.minimum_level': (v) =>
    `Converted drug weight including these drugs is not placed below level ${v.level}.`,
  'guidelines.quantity.converted_weight': (v) => `Converted drug weight: ${num(v.grams)} g.`,
  'guidelines.quantity.plants_large_grow': (v) =>
    `${num(v.plants)} plants: before November 1995 an offense with 50 or more plants counted each as ${num(v.grams_per_plant)} g.`,
  'guidelines.quantity.lsd_per_dose': (v) =>
    `LSD on a carrier is counted by the dose, not by the carrier's weight: ${num(v.doses)} doses count as ${num(v.grams)} g.`,
  'guidelines.quantity.lsd_weight_as_given': (v) =>
    `The ${num(v.grams)} g of LSD are read as the drug's weight; if it is on a carrier (blotter paper), this Manual counts each dose instead (give dosage_units).`,
  'guidelines.quantity.lsd_carrier_weight_needed': (v) =>
    `This Manual weighs LSD with its carrier, and the case gives ${num(v.doses)} doses but not the weight (${list(v.missing)}): the guideline range is not computed.`,
  'guidelines.quantity.undetermined': (v) =>
    `The Drug Quantity Table level for ${num(v.amount)} g is not in the knowledge base for this Manual; the guideline range is not computed.`,
};
