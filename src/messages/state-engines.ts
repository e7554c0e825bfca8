import type { Template } from './catalog.ts';
import { list, num, term } from './format.ts';

const cls = (v: unknown) => String(v).replace('_misd', ' misdemeanor').replaceAll('_', '-');

/**
 * Messages of the New York, Illinois, Arizona, California and Texas engines and of drug-induced homicide
 * sentencing (src/rules/state/us-ny ... us-mn, drug-induced-homicide.ts).
 */
export const stateEngineMessages: Record<string, Template> = {
  'exposure.state.weight_unknown': () =>
    'A charged drug has no weight: the lowest weight band is used, so a higher degree may apply.',
  'exposure.state.value_unverified': (v) =>
    `The penalty the case needs (${v.parameter}${v.field ? `, ${v.field}` : ''}) is not verified in the knowledge base: no range is computed rather than a guess.`,
  'exposure.state.not_modelled': (v) => `Not modelled: ${v.rule}. It may raise the exposure.`,
  'exposure.state.not_in_knowledge_base_on_date': (v) =>
    `${v.rule} is in the knowledge base only in its current text, not as in force on ${v.date}: not applied.`,
  'exposure.state.offense_not_covered': (v) =>
    `This engine covers only ${v.covered} in ${v.jurisdiction}: no range is computed for this case.`,
  'exposure.state.dih.charged': (v) =>
    `A death resulted from drugs the person delivered: charged as drug-induced homicide (${v.citation}), ${term(v.min)} to ${term(v.max)} - the statute as in force on the offense date.`,
  'exposure.state.dih.not_in_force': (v) =>
    `No drug-induced homicide statute was in force on ${v.offense_date} (or it is repealed under this scenario): the drug offense itself is sentenced.`,
  'exposure.state.dih.delivery_not_sentenced': (v) =>
    `The delivery itself is not sentenced beside the homicide count (${v.reason}).`,
  'exposure.state.dih.delivery_range_higher': (v) =>
    `The delivery count alone carries more (up to ${term(v.max)}) than the drug-induced homicide range: it is shown as the offense of conviction, with the homicide count concurrent.`,
  'exposure.state.dih.requires_delivery': () =>
    'A death resulted, but the conduct charged is possession: drug-induced homicide needs a delivery.',
  'exposure.state.dih.substance_outside': (v) =>
    `A death resulted, but ${list(v.substances)} is outside the state's drug-induced homicide statute.`,
  'exposure.state.wi.second_offense': (v) =>
    `A prior drug conviction: the maximum may be increased by ${term(v.months)} as a second or subsequent offense (961.48).`,
  'exposure.state.ny.degree': (v) => `N.Y. Penal Law ${v.section}: a class ${cls(v.class)} offense.`,
  'exposure.state.ny.higher_degree_unverified': (v) =>
    `A higher degree (${v.section}, class ${cls(v.class)}) may apply, but its weight is not in the knowledge base: the range shown is for the degree that is verified, and the exposure may be higher.`,
  'exposure.state.ny.predicate_felony': (v) =>
    `${v.priors} prior felony conviction(s) sentenced within ten years (tolled by time incarcerated): sentenced as a second felony drug offender (70.06).`,
  'exposure.state.il.class_by_weight': (v) =>
    `720 ILCS 570/${v.section}: ${num(v.grams)} g makes it a Class ${v.class} felony by weight alone.`,
  'exposure.state.il.habitual_criminal': (v) =>
    `${v.priors} prior Class X convictions: natural life as a habitual criminal (5-4.5-95(a)).`,
  'exposure.state.il.class_x_repeat': (v) =>
    `${v.priors} prior Class 2-or-greater felonies: sentenced as Class X (5-4.5-95(b)), 6 to 30 years without probation.`,
  'exposure.state.il.extended_term': () =>
    'A prior felony of the same or greater class within ten years: the extended-term maximum applies (5-5-3.2(b)(1)).',
  'exposure.state.il.prior_class_unknown': (v) =>
    `${v.rule} may apply, but a prior's class is unknown (give its statutory maximum, max_term_months, to tell whether it was Class ${v.class} or greater): not applied.`,
  'exposure.state.il.armed_violence': (v) =>
    `A weapon during a drug felony is armed violence (720 ILCS 5/33A), Class X from ${term(v.min)}; the weapon is assumed to be Category I (a handgun).`,
  'exposure.state.az.threshold_reached': (v) =>
    `${num(v.grams)} g of ${String(v.drug).replaceAll('_', ' ')} reaches Arizona's threshold amount of ${num(v.threshold)} g: a sale offense is prison only.`,
  'exposure.state.az.threshold_unknown': (v) =>
    `No threshold amount for ${String(v.drug).replaceAll('_', ' ')} is in the knowledge base: probation eligibility is read as below threshold.`,
  'exposure.state.az.methamphetamine_sale': () =>
    'Methamphetamine sale is taken out of the ordinary class 2 range (13-3407(E)): 5 to 15 years, no probation, flat time.',
  'exposure.state.az.prop_200': () =>
    'Personal possession, first or second conviction: probation with treatment, no prison term (Proposition 200, 13-901.01).',
  'exposure.state.az.repetitive': (v) =>
    `${v.priors} historical prior felony conviction(s): a category ${v.category} repetitive offender (13-703).`,
  'exposure.state.ca.prop_47': () =>
    'Since Proposition 47 (2014-11-05) simple possession is a misdemeanor, up to one year.',
  'exposure.state.ca.prior_enhancement': (v) =>
    `${v.priors} qualifying prior drug conviction(s): a consecutive three-year term each (H&S 11370.2).`,
  'exposure.state.ca.prior_enhancement_repealed': (v) =>
    `${v.priors} prior sale conviction(s) no longer add three years each: SB 180 limited 11370.2 to priors for using a minor (from 2018-01-01).`,
  'exposure.state.ca.armed': () =>
    'Personally armed with a firearm during the drug offense: a consecutive 3, 4 or 5 years (Penal Code 12022(c)).',
  'exposure.state.tx.degree': (v) =>
    `${v.section}: ${num(v.grams)} g of a Penalty Group 1 substance is a ${v.degree} felony.`,
  'exposure.state.tx.drug_free_zone': (v) =>
    `In a drug-free zone the offense is punished as a ${v.degree} felony (481.134).`,
  'exposure.state.tx.one_prior': (v) => `A prior felony: punished as ${v.as} (12.42).`,
  'exposure.state.tx.habitual': (v) =>
    `${v.priors} sequential prior felonies: 25 to 99 years or life as a habitual offender (12.42(d)).`,
};
