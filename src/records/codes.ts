import { ENUM_LABELS, type EnumName } from '../messages/labels.ts';
import { OFFENDER_FUNCTIONS } from '../model/assessment.ts';
import { ACTIVITIES, CITIZENSHIPS, INDICIA } from '../model/case.ts';

/**
 * Code lists of the case-record model. Every coded field takes one of its list's codes or one of the
 * three labelled missingness codes; the label is what a published table shows.
 */
export interface CodeList {
  id: string;
  codes: readonly { code: string; label: string }[];
}

/** Labelled missingness, allowed in every coded field. */
export const MISSING = ['unknown', 'not_collected', 'not_applicable'] as const;
export type Missing = (typeof MISSING)[number];
export const MISSING_LABELS: Record<Missing, string> = {
  unknown: 'Unknown (collected, but not known)',
  not_collected: 'Not collected by the source',
  not_applicable: 'Not applicable',
};

const titleCase = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
function list(id: string, entries: readonly (string | [string, string])[]): CodeList {
  return {
    id,
    codes: entries.map((e) =>
      typeof e === 'string' ? { code: e, label: titleCase(e) } : { code: e[0], label: e[1] },
    ),
  };
}

export const DECISION_STAGES = [
  'arrest',
  'referral',
  'charging_decision',
  'detention',
  'plea_offer',
  'disposition',
  'sentence',
  'post_conviction',
] as const;
export type Stage = (typeof DECISION_STAGES)[number];

export const STAGE_OUTCOMES: Record<Stage, CodeList> = {
  arrest: list('arrest_outcome', [
    ['booked', 'Arrested and booked'],
    ['cited_released', 'Cited and released'],
    ['released_no_action', 'Released without action'],
  ]),
  referral: list('referral_outcome', [
    ['referred_prosecution', 'Referred for prosecution'],
    ['referred_diversion', 'Referred to pre-arrest or pre-charge diversion'],
    ['not_referred', 'Not referred'],
  ]),
  charging_decision: list('charging_decision_outcome', [
    ['sale_charged', 'Charged with sale or distribution (incl. possession with intent)'],
    ['possession_charged', 'Charged with possession for personal use'],
    ['other_charged', 'Charged with another offence only'],
    ['diverted', 'Diverted before charge'],
    ['declined', 'Declined (no charge)'],
  ]),
  detention: list('detention_outcome', [
    ['released_own_recognizance', 'Released on own recognizance'],
    ['released_conditions', 'Released on bail or conditions'],
    ['detained', 'Detained pretrial'],
  ]),
  plea_offer: list('plea_offer_outcome', [
    ['offer_possession', 'Offer to plead to possession'],
    ['offer_sale_reduced', 'Offer to plead to a lesser sale charge'],
    ['offer_sale_as_charged', 'Offer to plead to the sale charge as filed'],
    ['no_offer', 'No offer made'],
  ]),
  disposition: list('disposition_outcome', [
    ['convicted_sale', 'Convicted of a sale or distribution offence'],
    ['convicted_possession', 'Convicted of possession'],
    ['convicted_other', 'Convicted of another offence'],
    ['diversion_completed', 'Diversion completed'],
    ['dismissed', 'Dismissed'],
    ['acquitted', 'Acquitted'],
  ]),
  sentence: list('sentence_outcome', [
    ['prison', 'Prison'],
    ['jail', 'Jail'],
    ['probation', 'Probation'],
    ['fine_only', 'Fine only'],
    ['time_served', 'Time served'],
    ['other_sentence', 'Other sentence'],
  ]),
  post_conviction: list('post_conviction_outcome', [
    ['relief_granted', 'Relief granted (resentencing, reduction, expungement, clemency)'],
    ['relief_denied', 'Relief sought and denied'],
    ['no_action', 'No post-conviction action'],
  ]),
};

export const DRUG_TYPES = list('drug_type', [
  'heroin',
  'fentanyl',
  ['cocaine_powder', 'Cocaine (powder)'],
  ['cocaine_base', 'Cocaine base ("crack")'],
  'methamphetamine',
  'marijuana',
  ['prescription_opioid', 'Prescription opioid'],
  ['other_drug', 'Other controlled substance'],
]);
export const UNITS = list('unit', [
  ['g', 'grams'],
  ['kg', 'kilograms'],
  ['mg', 'milligrams'],
  ['oz', 'ounces'],
  ['lb', 'pounds'],
  ['pills', 'pills / dosage units'],
  ['plants', 'plants'],
]);
export const QUANTITY_BASES = list('quantity_basis', [
  ['seized', 'Seized (field weight)'],
  ['lab_confirmed', 'Laboratory-confirmed'],
  ['attributed', 'Attributed (conspiracy or relevant conduct)'],
  ['stipulated', 'Stipulated by the parties'],
]);
export const CHARGES = list('charge', [
  ['sale_distribution', 'Sale or distribution'],
  ['possession_with_intent', 'Possession with intent to distribute'],
  ['conspiracy_distribution', 'Conspiracy to distribute'],
  ['maintaining_premises', 'Maintaining drug-involved premises'],
  ['drug_induced_homicide', 'Drug-induced homicide'],
  ['firearm_in_drug_trafficking', 'Firearm in relation to drug trafficking'],
  ['possession', 'Possession for personal use'],
  ['other_offence', 'Other offence'],
]);
/** Charges that count as a sale/distribution charge in the disparity measures. */
export const SALE_CHARGES = new Set([
  'sale_distribution',
  'possession_with_intent',
  'conspiracy_distribution',
  'maintaining_premises',
  'drug_induced_homicide',
]);
export const ENHANCEMENTS = list('enhancement', [
  ['school_zone', 'Drug-free school zone'],
  ['prior_drug_conviction', 'Prior drug conviction (e.g. 21 U.S.C. 851)'],
  ['weapon', 'Weapon'],
  ['quantity_threshold', 'Quantity-triggered mandatory minimum'],
  ['minor_involved', 'Minor involved'],
  ['death_or_injury', 'Death or serious bodily injury resulted'],
  ['none', 'No enhancement filed'],
]);
/** Contract values, labelled as everywhere else (the label catalog). */
const labelled = (kind: EnumName, codes: readonly string[]): [string, string][] =>
  codes.map((c) => [c, (ENUM_LABELS[kind] as Record<string, string>)[c] ?? c]);
export const INDICIA_CODES = list('indicium', [
  ...labelled('indicium', INDICIA),
  ['none', 'No indicia of sale recorded'],
]);
export const ACTIVITY_CODES = list('activity', labelled('activity', ACTIVITIES));
export const ROLES = list('role', labelled('function', OFFENDER_FUNCTIONS));
export const ROLE_BASES = list('role_basis', [
  ['police', 'Assessed by the arresting agency'],
  ['prosecutor', 'Assessed by the prosecutor'],
  ['court_finding', 'Found by the court'],
  ['defense', 'Asserted by the defence'],
  ['researcher', 'Coded by a researcher from the file'],
  ['proportion_derived', 'Derived by Proportion from the recorded activities and quantities'],
]);
export const RACES = list('race', [
  'white',
  'black',
  ['american_indian_alaska_native', 'American Indian or Alaska Native'],
  'asian',
  ['native_hawaiian_pacific_islander', 'Native Hawaiian or other Pacific Islander'],
  ['other_race', 'Some other race'],
]);
export const HISPANIC = list('hispanic_origin', [
  ['hispanic', 'Hispanic or Latino/a/x'],
  ['not_hispanic', 'Not Hispanic or Latino/a/x'],
]);
export const DEMOGRAPHIC_SOURCES = list('demographic_source', [
  ['self_reported', 'Self-reported'],
  ['officer_perceived', 'Perceived by an officer'],
  ['administrative', 'From another administrative record'],
]);
export const GENDERS = list('gender', ['male', 'female', 'nonbinary']);
export const CITIZENSHIP = list(
  'citizenship',
  labelled(
    'citizenship',
    CITIZENSHIPS.filter((c) => c !== 'unknown'),
  ),
);
export const AGE_BANDS = list('age_band', [
  ['under_18', 'Under 18'],
  ['18_24', '18-24'],
  ['25_34', '25-34'],
  ['35_44', '35-44'],
  ['45_54', '45-54'],
  ['55_plus', '55 and over'],
]);
export const HISTORY_BANDS = list('criminal_history_band', [
  ['none', 'No prior convictions'],
  ['misdemeanor_only', 'Misdemeanour priors only'],
  ['one_felony', 'One prior felony'],
  ['two_plus_felonies', 'Two or more prior felonies'],
]);
export const YES_NO = list('yes_no', ['yes', 'no']);

/** Derived code lists (computed at import, never read from the source). */
export const RACE_ETHNICITY = list('race_ethnicity', [
  ['hispanic', 'Hispanic or Latino/a/x (any race)'],
  ['nh_white', 'White, not Hispanic'],
  ['nh_black', 'Black, not Hispanic'],
  ['nh_aian', 'American Indian or Alaska Native, not Hispanic'],
  ['nh_asian', 'Asian, not Hispanic'],
  ['nh_nhpi', 'Native Hawaiian or other Pacific Islander, not Hispanic'],
  ['nh_multiracial', 'More than one race, not Hispanic'],
  ['nh_other', 'Some other race, not Hispanic'],
  ['unknown', 'Race or ethnicity unknown or not collected'],
]);
export const QUANTITY_BANDS = list('quantity_band', [
  ['personal', 'Personal-use amount'],
  ['retail', 'Retail amount'],
  ['wholesale', 'Wholesale amount'],
  ['trafficking', 'Trafficking amount (at or above a federal 5-year threshold)'],
  ['unknown', 'Quantity unknown'],
]);
export const INDICIA_PROFILES = list('indicia_profile', [
  ['none', 'No indicia of sale'],
  ['circumstantial', 'Circumstantial only (cash, packaging, scale, phone, hand motions, quantity...)'],
  ['direct', 'Direct evidence (observed sale, controlled buy, admission)'],
  ['unknown', 'Not recorded'],
]);

export function labelOf(list: CodeList, code: string): string {
  const hit = list.codes.find((c) => c.code === code);
  if (hit) return hit.label;
  if ((MISSING as readonly string[]).includes(code)) return MISSING_LABELS[code as Missing];
  return code;
}
