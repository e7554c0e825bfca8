import { type Term, termLabel } from '../model/terms.ts';
import type { Template } from './catalog.ts';
import { usd } from './format.ts';

const years = (v: unknown) =>
  v === null || v === undefined
    ? 'an unknown term'
    : typeof v === 'number'
      ? `${v} year${v === 1 ? '' : 's'}`
      : String(v);
const q = (v: Record<string, unknown>) =>
  typeof v.question === 'string' ? ` What would settle it: ${v.question}` : '';
const MISSING_SERVED: Record<string, string> = {
  state_release_share:
    "the share of a term served under the state's parole, good-time or earned-release rules is not in the knowledge base",
  parole_under_pre_1987_law:
    'the offense predates 1987-11-01, when federal parole still applied (not modelled)',
  good_conduct_time_rule: 'federal good conduct time is not in the knowledge base for this date',
};
const when = (v: Record<string, unknown>) => (v.date ? ` on ${String(v.date)}` : '');

export const consequencesMessages: Record<string, Template> = {
  'consequences.evaluation_date': (v) =>
    `Consequences of a ${String(v.charge)} conviction are read from the law in force on the evaluation date, ${String(v.date)}.`,
  'consequences.immigration.not_applicable_citizen': () =>
    'The person is a U.S. citizen: no immigration consequences.',
  'consequences.immigration.not_in_knowledge_base': (v) =>
    `The immigration rules are not in the knowledge base${when(v)}.`,
  'consequences.immigration.citizenship_unknown': (v) =>
    `Citizenship is not recorded; the immigration consequences below apply to anyone who is not a U.S. citizen.${q(v)}`,
  'consequences.immigration.aggravated_felony': () =>
    'A sale or distribution conviction punishable as a felony under the Controlled Substances Act is "illicit trafficking", an aggravated felony: deportation and a bar to most relief.',
  'consequences.immigration.felony_possession': (v) =>
    `This possession offense is a felony under the Controlled Substances Act (maximum ${v.maximum_months === null || v.maximum_months === undefined ? 'unknown' : termLabel(v.maximum_months as Term)}): an aggravated felony, deportation and a bar to most relief.`,
  'consequences.immigration.conspiracy_aggravated_felony': () =>
    'A conspiracy to commit a drug-trafficking aggravated felony is itself an aggravated felony.',
  'consequences.immigration.moncrieffe_small_marijuana': (v) =>
    `Sharing ${String(v.grams)} g of marijuana without payment is not an aggravated felony (Moncrieffe involved ${String(v.reference_case_grams)} g), but it is still a drug conviction.`,
  'consequences.immigration.small_amount_undetermined': (v) =>
    `Marijuana shared without payment (${String(v.grams ?? 'unknown')} g): an aggravated felony only if the conviction establishes payment or more than a "small amount" (Moncrieffe involved ${String(v.reference_case_grams)} g).${q(v)}`,
  'consequences.immigration.recidivist_possession_undetermined': (v) =>
    `With ${String(v.priors)} prior drug conviction(s), possession may count as a federal "drug trafficking crime" and so an aggravated felony.${q(v)}`,
  'consequences.immigration.marijuana_personal_use_exception': (v) =>
    `A single offense of possessing ${String(v.grams)} g of marijuana for one's own use is within the ${String(v.exception_max_grams)} g exception to drug deportability.`,
  'consequences.immigration.deportable': () =>
    'Any controlled-substance conviction after admission makes a noncitizen deportable.',
  'consequences.immigration.mandatory_detention': () =>
    'Mandatory detention: immigration authorities must hold the person on release from criminal custody, without bond.',
  'consequences.immigration.detention_undetermined': (v) =>
    `Mandatory detention is not settled for this conviction.${q(v)}`,
  'consequences.immigration.asylum_bar': () =>
    'A drug-trafficking aggravated felony bars asylum and is presumed to be a "particularly serious crime" barring withholding of removal.',
  'consequences.immigration.reason_to_believe': (v) =>
    `Before admission, "reason to believe" the person trafficked makes them inadmissible without a conviction; a spouse or child who benefited within ${years(v.family_benefit_lookback_years)} is also inadmissible.`,

  'consequences.benefits.not_in_knowledge_base': (v) =>
    `${String(v.topic)} is not in the knowledge base${when(v)}.`,
  'consequences.benefits.state_choice_depends': (v) =>
    `The lifetime SNAP/TANF ban for drug felonies depends on the state where benefits are sought.${q(v)}`,
  'consequences.benefits.state_full_ban': (v) =>
    `${String(v.jurisdiction)} keeps the federal lifetime ban on ${String(v.program)} for drug felonies.`,
  'consequences.benefits.state_modified': (v) =>
    `${String(v.jurisdiction)} has modified the federal ban on ${String(v.program)}; the conditions decide whether the person loses it.`,
  'consequences.benefits.state_opted_out': (v) =>
    `${String(v.jurisdiction)} has opted out of the federal ban on ${String(v.program)}.`,
  'consequences.benefits.state_choice_not_in_knowledge_base': (v) =>
    `Whether ${String(v.jurisdiction)} opted out of the ${String(v.program)} ban is not in the knowledge base.`,
  'consequences.benefits.felony_undetermined': (v) =>
    `Whether the conviction is a felony is not settled here.${q(v)}`,
  'consequences.benefits.report_discrepancy': () =>
    'The DPA report describes a time-limited SNAP/TANF ban after a first supply conviction and a lifetime ban after a second; the statutes differ: 21 U.S.C. 862a is a lifetime ban for any drug felony that states may remove or modify, and 21 U.S.C. 862 lets a court deny other federal benefits for a period. The statutes are followed.',
  'consequences.benefits.federal_denial_up_to': (v) =>
    `Conviction number ${String(v.conviction_number)} for ${String(v.offense)}: the court ${v.mandatory ? 'must' : 'may'} deny federal benefits (grants, contracts, loans, licenses) for up to ${years(v.max_years)}.`,
  'consequences.benefits.federal_denial_permanent': (v) =>
    `Conviction number ${String(v.conviction_number)} for ${String(v.offense)}: permanent ineligibility for federal benefits${v.mandatory ? ' (mandatory)' : ''}.`,
  'consequences.benefits.public_housing_eviction': () =>
    "Public housing: drug-related criminal activity by a tenant, household member or guest is cause for eviction, even without a conviction or the tenant's knowledge.",
  'consequences.benefits.public_housing_admission_bar': (v) =>
    `Federally assisted housing must refuse admission for ${years(v.bar_years)} after an eviction for drug-related criminal activity, with exceptions.`,

  'consequences.good_samaritan.not_in_knowledge_base': (v) =>
    `No 911 Good Samaritan law for ${String(v.jurisdiction)}${when(v)} is in the knowledge base; protection is not assumed.`,
  'consequences.good_samaritan.protected': (v) =>
    `${String(v.jurisdiction)}'s 911 Good Samaritan law covers this ${String(v.charge)} charge at an overdose scene.`,
  'consequences.good_samaritan.not_protected': (v) =>
    `${String(v.jurisdiction)}'s 911 Good Samaritan law does not cover this ${String(v.charge)} charge.`,
  'consequences.good_samaritan.undetermined': (v) =>
    `Whether ${String(v.jurisdiction)}'s 911 Good Samaritan law covers this ${String(v.charge)} charge is not settled.`,
  'consequences.good_samaritan.scope_unknown': (v) =>
    `The offenses covered by ${String(v.parameter)} are not in the knowledge base.`,
  'consequences.good_samaritan.limited_scope': (v) =>
    `The protection is limited (${String(v.scope)}).${q(v)}`,
  'consequences.good_samaritan.quantity_limit': (v) =>
    `The protection covers possession only below its limits (solid: under ${String(v.solid_grams_lt ?? 'n/a')} g; marijuana: under ${String(v.marijuana_grams_lt ?? 'n/a')} g); here ${String(v.grams)} g, ${v.within ? 'within' : 'over'} the limit.`,
  'consequences.good_samaritan.mitigation': () =>
    'Seeking help can also be raised as mitigation at sentencing.',
  'consequences.good_samaritan.conditions': (v) => `Protection depends on the call for help.${q(v)}`,

  'consequences.violent_label.not_in_knowledge_base': (v) =>
    `Whether ${String(v.jurisdiction)} labels drug selling "violent" is not in the knowledge base.`,
  'consequences.violent_label.violent': (v) =>
    `${String(v.jurisdiction)} lists this drug offense as a violent crime.`,
  'consequences.violent_label.not_violent': (v) =>
    `${String(v.jurisdiction)} does not treat this drug offense as violent.`,
  'consequences.violent_label.undetermined': (v) =>
    `Whether ${String(v.jurisdiction)} treats this offense as violent is not settled: ${String(v.scope)}.`,
  'consequences.violent_label.report_conflict': (v) =>
    `The sources for ${String(v.jurisdiction)} conflict with the DPA report's statement that it treats selling as violent.`,
  'consequences.violent_label.firearm_enhancement': (v) =>
    `With a firearm (${String(v.weapon)}), drugs plus a gun is a separate offense: ${years(v.penalty_min_years)} to ${years(v.penalty_max_years)}.`,
  'consequences.violent_label.firearm_enhancement_unenforceable': (v) =>
    `The drugs-plus-firearm minimum (${years(v.penalty_min_years)}) was held unconstitutional and is not enforceable.`,

  'consequences.drug_induced_homicide.not_in_knowledge_base': (v) =>
    `No drug-induced homicide law for ${String(v.jurisdiction)}${when(v)} is in the knowledge base.`,
  'consequences.drug_induced_homicide.exposure': (v) =>
    `A death resulted: exposure to ${String(v.classification ?? 'drug-induced homicide')}, ${years(v.penalty_min_years)} to ${years(v.penalty_max_years)}.`,
  'consequences.drug_induced_homicide.later_law_not_applied': (v) =>
    `A drug-induced homicide law in force from ${String(v.from)} (${String(v.parameter)}) is later than the conduct (${String(v.offense_date)}) and does not reach it.`,
  'consequences.drug_induced_homicide.unverified': (v) =>
    `A drug-induced homicide route (${String(v.parameter)}) is unverified.`,
  'consequences.drug_induced_homicide.requires_delivery': (v) =>
    `Drug-induced homicide requires a delivery.${q(v)}`,

  'consequences.cost.rate': (v) =>
    `Cost per person-year in ${String(v.jurisdiction)}: ${usd(v.rate_usd_per_year)} (fiscal year ${String(v.fiscal_year)}).`,
  'consequences.cost.rate_latest_available': (v) =>
    `The cost rate is the latest in the knowledge base (fiscal year ${String(v.fiscal_year)}, ended ${String(v.period_end)}), used for ${String(v.date)}.`,
  'consequences.cost.rate_lower_bound': (v) =>
    `Only a lower bound is known for ${String(v.jurisdiction)}: more than ${usd(v.lower_bound_usd)} per person-year (fiscal year ${String(v.fiscal_year)}); no cost is computed.`,
  'consequences.cost.rate_not_in_knowledge_base': (v) =>
    `The cost per person-year for ${String(v.jurisdiction)}${when(v)} is not in the knowledge base${v.state_average_usd ? ` (for context: the average of responding states was ${usd(v.state_average_usd)} in fiscal year ${String(v.state_average_fiscal_year)})` : ''}.`,
  'consequences.cost.no_state_sentencing_engine': (v) =>
    `No state sentencing engine yet for ${String(v.jurisdiction)}: the term, and so the cost, is not computed.`,
  'consequences.cost.no_exposure': () => 'No sentencing exposure was computed, so no cost.',
  'consequences.cost.life_term': (v) =>
    `The ${String(v.basis).replaceAll('_', ' ')} is life: the cost has no finite total.`,
  'consequences.cost.total': (v) =>
    `Time expected to be served: ${String(v.months)} months (${String(v.person_years)} person-years) at ${usd(v.rate_usd_per_year)} a year, ${usd(v.usd)}; the whole ${String(v.term_months)}-month term: ${usd(v.term_usd)}.`,
  'consequences.cost.served.good_conduct_time': (v) =>
    `Good conduct time: ${String(v.months)} months less ${String(v.credit_days)} days (${String(v.days_per_year)} a year of the ${v.accrues_on === 'term_imposed' ? 'term imposed' : 'time served'}, all earned) = ${String(v.served_months)} months; no parole${v.earned_time_credits ? `; earned time (${String(v.earned_time_credits)}) not modelled` : ''}.`,
  'consequences.cost.served.no_good_conduct_time': (v) =>
    `A federal term of ${String(v.months)} months earns no good conduct time (only a term of more than ${String(v.term_more_than_months)} months does): it is expected to be served in full.`,
  'consequences.cost.served.state_release_rule': (v) =>
    `Time expected to be served under the state's release rule (${String(v.rule).replaceAll('_', ' ')}${typeof v.served_fraction === 'number' ? `, ${Math.round(v.served_fraction * 100)}% of the term, a mandatory term in full` : ''}): ${String(v.served_months)} of ${String(v.months)} months.`,
  'consequences.cost.served.share_unknown': (v) =>
    `The time expected to be served of the ${String(v.months)}-month term in ${String(v.jurisdiction)} is not known: ${MISSING_SERVED[String(v.missing_law)] ?? String(v.missing_law)} (rule: ${String(v.rule).replaceAll('_', ' ')}). The cost is undetermined${v.upper_bound_usd === null || v.upper_bound_usd === undefined ? '' : `: at most ${usd(v.upper_bound_usd)}, ${v.upper_bound_months === undefined || v.upper_bound_months === v.months ? 'the whole term' : `the ${String(v.upper_bound_months)}-month maximum`} served${v.term_lower_bound ? ', if this lowest term is the one imposed' : ''}`}${typeof v.lower_bound_usd === 'number' ? `; at least ${usd(v.lower_bound_usd)}, ${String(v.lower_bound_months)} months to the earliest release the law allows` : ''}.`,
};
