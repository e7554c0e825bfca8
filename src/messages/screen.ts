import type { Template } from './catalog.ts';

const n = (v: unknown) => (v === null || v === undefined ? 'unknown' : String(v));

const RECOMMENDATION: Record<string, string> = {
  decline: 'decline to prosecute',
  divert: 'refer to pre-booking or pre-charge diversion',
  treat_as_possession: 'treat as possession for personal use',
  prosecute_own_conduct: "prosecute only the person's own conduct and quantity",
  prosecute: 'prosecute',
};

const recommendationMessages = Object.fromEntries(
  Object.entries(RECOMMENDATION).map(([k, text]): [string, Template] => [
    `screen.recommendation.${k}`,
    (v) => `Under the ${n(v.policy)} policy (version ${n(v.version)}), the screen recommends: ${text}.`,
  ]),
);

export const screenMessages: Record<string, Template> = {
  ...recommendationMessages,
  'screen.decline.shared_free': () =>
    'Sharing, giving away or buying for friends at cost is social supply: the policy declines to prosecute it.',
  'screen.decline.subsistence_selling': (v) =>
    `Selling to get by (compensation: ${n(v.compensation)}) is subsistence selling: the policy declines to prosecute it.`,
  'screen.decline.own_use_struggle': () =>
    'The person sold at a low level while struggling with their own drug use: the policy declines to prosecute and points to treatment.',
  'screen.decline.drug_induced_homicide': () =>
    'A death followed the drugs: the policy does not bring a drug-induced homicide or death-results charge.',
  'screen.decline.conspiracy_low_level': (v) =>
    v.own_quantity
      ? 'No conspiracy charge for a low-level participant: at most, charge what the person handled.'
      : 'No conspiracy charge for a low-level participant who handled no drugs: the policy declines to prosecute.',
  'screen.decline.family_peripheral': (v) =>
    `The conduct (${n(v.activities)}) is peripheral, as with partners and relatives: the policy declines to prosecute it.`,
  'screen.divert.lead': (v) =>
    `The case meets LEAD-style criteria (${n(v.own_grams)} g held, at most ${n(v.max_own_grams)} g): refer to pre-booking or pre-charge diversion.`,
  'screen.divert.lead_undetermined': (v) =>
    `Whether LEAD-style diversion applies cannot be told without ${n(v.missing)}; answering it may open diversion.`,
  'screen.default.possession': () =>
    'There is no clear, objective evidence of selling for financial gain: the policy treats the case as possession for personal use.',
  'screen.prosecute.clear_evidence': (v) =>
    `Clear, objective evidence shows selling for financial gain (compensation: ${n(v.compensation)}): a sale charge may be considered.`,
  'screen.own_conduct.only': () =>
    "Charge only the person's own conduct and quantity, never the network's quantity through conspiracy or relevant conduct.",
  'screen.no_prior_enhancement': (v) =>
    `The person has ${n(v.priors)} prior conviction(s): the policy does not seek prior-conviction enhancements.`,
  'screen.immigration.consider': (v) =>
    `Citizenship: ${n(v.citizenship)}. Weigh immigration consequences in any plea; a sale conviction can mean detention and deportation.`,
  'screen.undetermined.compensation': (v) =>
    `The evidence of selling is clear, but whether it was for financial gain cannot be told without ${n(v.missing)}; the policy's default applies.`,
  'screen.fallback': (v) =>
    `No screening rule that chooses a disposition applied; the current practice (${n(v.recommendation)}) stays in place.`,
};
