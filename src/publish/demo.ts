import type { RecordStore } from '../db/store.ts';
import type { Case } from '../model/case.ts';
import { normalizeRecord, type RoleDeriver, type StoredRow } from '../records/normalize.ts';
import { engineRoleDeriver } from '../records/role.ts';
import { generateCases } from '../synthetic/generate.ts';
import { mulberry32 } from './suppress.ts';

/**
 * Synthetic demo caseload (every record marked synthetic). When the synthetic case generator
 * (src/synthetic, generateCases(n, seed)) is present, its contract cases are turned into records by
 * adding decision events, outcomes and demographic sources with a seeded PRNG; otherwise records are
 * drawn directly from simple distributions. Both build in a disparity at arrest and at charging so the
 * measures have something to find; the numbers illustrate the method, nothing else.
 */
export const DEMO_POPULATION: Record<string, number> = {
  nh_white: 1_202_000,
  hispanic: 360_000,
  nh_black: 260_000,
  nh_asian: 120_000,
  nh_aian: 20_000,
  nh_nhpi: 4_000,
  nh_multiracial: 34_000,
};
export const DEMO_POPULATION_SOURCE =
  'synthetic: a jurisdiction of 2,000,000 residents; the Black (13%) and Latinx (18%) shares follow the population shares the report cites, the rest are assumptions';

type Rnd = () => number;
const pick = <T>(rnd: Rnd, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x <= 0) return v;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
};
// arrests per resident relative to white people (the report: Black people "over 3x" in 2014)
const ARREST_WEIGHT: Record<string, number> = {
  nh_white: 1,
  hispanic: 1.4,
  nh_black: 3.2,
  nh_asian: 0.4,
  nh_aian: 1.6,
  nh_nhpi: 1.2,
  nh_multiracial: 1.1,
};
const CHARGE_BIAS: Record<string, number> = {
  nh_white: 1,
  hispanic: 1.35,
  nh_black: 1.6,
  nh_asian: 1,
  nh_aian: 1.3,
  nh_nhpi: 1.2,
  nh_multiracial: 1.2,
};
const RACE_OF: Record<string, [string, string]> = {
  nh_white: ['white', 'not_hispanic'],
  hispanic: ['white', 'hispanic'],
  nh_black: ['black', 'not_hispanic'],
  nh_asian: ['asian', 'not_hispanic'],
  nh_aian: ['american_indian_alaska_native', 'not_hispanic'],
  nh_nhpi: ['native_hawaiian_pacific_islander', 'not_hispanic'],
  nh_multiracial: ['white;black', 'not_hispanic'],
};
const DRUGS = [
  ['cocaine_base', 14],
  ['cocaine_powder', 14],
  ['heroin', 14],
  ['fentanyl', 12],
  ['methamphetamine', 20],
  ['marijuana', 18],
  ['prescription_opioid', 5],
  ['other_drug', 3],
] as const;
const SUBSTANCE_TO_DRUG: Record<string, string> = {
  heroin: 'heroin',
  cocaine: 'cocaine_powder',
  cocaine_base: 'cocaine_base',
  methamphetamine: 'methamphetamine',
  methamphetamine_actual: 'methamphetamine',
  ice: 'methamphetamine',
  fentanyl: 'fentanyl',
  fentanyl_analogue: 'fentanyl',
  fentanyl_related_substance: 'fentanyl',
  marijuana: 'marijuana',
  marijuana_plants: 'marijuana',
  hashish: 'marijuana',
  oxycodone: 'prescription_opioid',
  hydrocodone: 'prescription_opioid',
};
const ACTIVITY_SETS = [
  [['possessed'], 30],
  [['sold_retail'], 28],
  [['shared_free'], 6],
  [['bought_for_friends'], 5],
  [['brokered'], 5],
  [['transported_vehicle'], 6],
  [['carried_on_body'], 5],
  [['lookout'], 4],
  [['sold_wholesale'], 7],
  [['organized', 'sold_wholesale'], 2],
  [['supervised', 'sold_wholesale'], 2],
] as const;

/** Decision events, outcomes and demographics added to a case's facts (all seeded). */
function events(
  rnd: Rnd,
  group: string,
  band: string,
  direct: boolean,
  sells: boolean,
  src: Record<string, unknown>,
) {
  const arrestOutcome = pick(rnd, [
    ['booked', 85],
    ['cited_released', 15],
  ] as const);
  src.arrest_outcome = arrestOutcome;
  src.referral_outcome = pick(rnd, [
    ['referred_prosecution', 92],
    ['referred_diversion', 5],
    ['not_referred', 3],
  ] as const);
  if (src.referral_outcome !== 'referred_prosecution') return;
  const base = { personal: 0.12, retail: 0.45, wholesale: 0.75, trafficking: 0.9, unknown: 0.4 }[band] ?? 0.4;
  const odds = (base / (1 - base)) * (direct ? 2.5 : 1) * (sells ? 1.8 : 0.6) * (CHARGE_BIAS[group] ?? 1);
  const pSale = odds / (1 + odds);
  const r = rnd();
  src.charging_decision_outcome =
    r < pSale
      ? 'sale_charged'
      : r < pSale + (1 - pSale) * 0.7
        ? 'possession_charged'
        : r < pSale + (1 - pSale) * 0.85
          ? 'diverted'
          : 'declined';
  const sale = src.charging_decision_outcome === 'sale_charged';
  src.charges_filed = sale
    ? rnd() < 0.5
      ? 'possession_with_intent'
      : 'sale_distribution'
    : src.charging_decision_outcome === 'possession_charged'
      ? 'possession'
      : '';
  if (src.charges_filed === '') src.charges_filed = 'not_applicable';
  src.enhancements = sale && rnd() < 0.2 ? 'prior_drug_conviction' : 'none';
  if (src.charging_decision_outcome === 'declined' || src.charging_decision_outcome === 'diverted') return;
  src.detention_outcome = pick(rnd, [
    ['released_own_recognizance', 40],
    ['released_conditions', 35],
    ['detained', 25],
  ] as const);
  src.plea_offer_outcome = pick(rnd, [
    ['offer_possession', 35],
    ['offer_sale_reduced', 25],
    ['offer_sale_as_charged', 25],
    ['no_offer', 15],
  ] as const);
  const convictSale = sale && rnd() < (group === 'nh_white' ? 0.72 : 0.6);
  src.disposition_outcome = convictSale
    ? 'convicted_sale'
    : pick(rnd, [
        ['convicted_possession', 50],
        ['dismissed', 25],
        ['diversion_completed', 15],
        ['acquitted', 5],
        ['convicted_other', 5],
      ] as const);
  if (!String(src.disposition_outcome).startsWith('convicted')) return;
  const jail = rnd() < (convictSale ? 0.7 : 0.3);
  src.sentence_outcome = jail
    ? pick(rnd, [
        ['prison', 55],
        ['jail', 45],
      ] as const)
    : pick(rnd, [
        ['probation', 80],
        ['fine_only', 10],
        ['time_served', 10],
      ] as const);
  src.sentence_months = jail ? Math.round(6 + rnd() * (convictSale ? 70 : 12)) : 0;
  src.mandatory_minimum = jail && convictSale && rnd() < 0.3 ? 'yes' : 'no';
  src.post_conviction_outcome = 'no_action';
}

function person(rnd: Rnd, group: string, src: Record<string, unknown>) {
  const [race, hisp] = RACE_OF[group] as [string, string];
  const officer = rnd() < 0.35;
  src.race = race;
  src.race_source = officer ? 'officer_perceived' : 'self_reported';
  src.hispanic_origin = hisp;
  src.hispanic_origin_source = officer ? 'officer_perceived' : 'self_reported';
  if (rnd() < 0.03) src.race = 'unknown';
  src.gender = pick(rnd, [
    ['male', 82],
    ['female', 17],
    ['nonbinary', 1],
  ] as const);
  src.citizenship = pick(rnd, [
    ['us_citizen', 85],
    ['lawful_permanent_resident', 6],
    ['visa_holder', 1],
    ['undocumented', 5],
    ['unknown', 3],
  ] as const);
  src.age_band = pick(rnd, [
    ['18_24', 28],
    ['25_34', 34],
    ['35_44', 20],
    ['45_54', 12],
    ['55_plus', 5],
    ['under_18', 1],
  ] as const);
  src.criminal_history_band = pick(rnd, [
    ['none', 38],
    ['misdemeanor_only', 27],
    ['one_felony', 18],
    ['two_plus_felonies', 17],
  ] as const);
}

const GRAMS: Record<string, [number, number]> = {
  cocaine_base: [0.2, 60],
  cocaine_powder: [0.3, 900],
  heroin: [0.1, 150],
  fentanyl: [0.05, 60],
  methamphetamine: [0.2, 120],
  marijuana: [2, 5000],
  prescription_opioid: [0.5, 40],
  other_drug: [0.2, 50],
};

/** One synthetic source record (as a JSON Lines row would carry it). */
export function demoSourceRecord(i: number, rnd: Rnd, forcedGroup?: string): Record<string, unknown> {
  const group =
    forcedGroup ??
    pick(
      rnd,
      Object.entries(DEMO_POPULATION).map(([g, p]) => [g, p * (ARREST_WEIGHT[g] ?? 1)] as const),
    );
  const drug = pick(rnd, DRUGS);
  const [lo, hi] = GRAMS[drug] as [number, number];
  const grams = Math.round(Math.exp(Math.log(lo) + rnd() ** 1.6 * (Math.log(hi) - Math.log(lo))) * 100) / 100;
  const activities = pick<readonly string[]>(rnd, ACTIVITY_SETS);
  const sells = !['possessed', 'shared_free', 'bought_for_friends'].includes(activities[0] as string);
  const indicia = pick(rnd, [
    ['none', 30],
    ['cash', 12],
    ['cash;separate_packaging', 14],
    ['scale;separate_packaging', 10],
    ['hand_motions', 6],
    ['phone_records', 6],
    ['observed_sale', 10],
    ['controlled_buy', 8],
    ['admission', 4],
  ] as const);
  const year = 2019 + Math.floor(rnd() * 5);
  const src: Record<string, unknown> = {
    record_id: `demo-${i}`,
    case_id: `demo-case-${Math.floor(i / 1.15)}`,
    synthetic: true,
    jurisdiction: pick(rnd, [
      ['US-WA', 40],
      ['US-OR', 25],
      ['US-NY', 35],
    ] as const),
    agency: 'Synthetic County Prosecutor',
    offense_date: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
    drug_1_type: drug,
    drug_1_quantity: grams,
    drug_1_unit: 'g',
    drug_1_basis: pick(rnd, [
      ['seized', 60],
      ['lab_confirmed', 30],
      ['stipulated', 5],
      ['attributed', 5],
    ] as const),
    indicia,
    activities: activities.join(';'),
    people_supervised: activities.includes('supervised') ? 5 : 0,
  };
  src.arrest_date = src.offense_date;
  person(rnd, group, src);
  // a third of roles coded by the prosecutor; the rest are derived from the activities
  if (rnd() < 0.35) {
    src.role =
      activities[0] === 'possessed'
        ? 'user_possession_only'
        : activities[0] === 'sold_retail'
          ? 'street_level_dealer'
          : activities[0] === 'sold_wholesale'
            ? 'wholesaler'
            : 'unknown';
    src.role_basis = 'prosecutor';
  }
  const band = grams < 1 ? 'personal' : grams < 28 ? 'retail' : grams < 200 ? 'wholesale' : 'trafficking';
  events(rnd, group, band, ['observed_sale', 'controlled_buy', 'admission'].includes(indicia), sells, src);
  return src;
}

/** A record built from a generated contract case (used when src/synthetic is available). */
export function recordFromCase(c: Case, i: number, rnd: Rnd): Record<string, unknown> {
  const d = c.conduct.drugs[0];
  const p = c.person ?? {};
  const group =
    p.ethnicity === 'hispanic'
      ? 'hispanic'
      : ((
          {
            white: 'nh_white',
            black: 'nh_black',
            asian: 'nh_asian',
            american_indian_alaska_native: 'nh_aian',
            native_hawaiian_pacific_islander: 'nh_nhpi',
            multiracial: 'nh_multiracial',
          } as Record<string, string>
        )[p.race ?? ''] ?? 'nh_white');
  const src = demoSourceRecord(i, rnd, group);
  if (p.gender && p.gender !== 'unknown') src.gender = p.gender;
  if (p.citizenship) src.citizenship = p.citizenship;
  Object.assign(src, {
    record_id: c.id ?? `synthetic-${i}`,
    case_id: c.id ?? `synthetic-case-${i}`,
    synthetic: true,
    jurisdiction: c.jurisdiction,
    offense_date: c.offense_date,
    arrest_date: c.offense_date,
    activities: c.conduct.activities.join(';'),
    people_supervised: c.conduct.people_supervised ?? 0,
    indicia: c.evidence?.indicia?.length ? c.evidence.indicia.join(';') : 'none',
  });
  delete src.role;
  delete src.role_basis;
  if (d) {
    src.drug_1_type = SUBSTANCE_TO_DRUG[d.substance] ?? 'other_drug';
    if (d.grams !== undefined) {
      src.drug_1_quantity = d.grams;
      src.drug_1_unit = 'g';
    } else {
      src.drug_1_quantity = d.count ?? 1;
      src.drug_1_unit = 'plants';
    }
    src.drug_1_basis = d.basis === 'attributed' ? 'attributed' : 'seized';
  }
  return src;
}

/** Source records of the project's synthetic caseload (src/synthetic), in the case-records format. */
export async function* demoSourceRecords(n: number, seed: number): AsyncGenerator<Record<string, unknown>> {
  const rnd = mulberry32(seed);
  let i = 0;
  for (const c of generateCases(n, seed)) yield recordFromCase(c, i++, rnd);
}

/** Loads n synthetic records into the store. */
export async function loadDemo(
  store: RecordStore,
  n: number,
  seed = 2019,
  deriveRole: RoleDeriver = engineRoleDeriver(),
): Promise<number> {
  let count = 0;
  async function* batches(): AsyncGenerator<StoredRow[]> {
    let batch: StoredRow[] = [];
    for await (const src of demoSourceRecords(n, seed)) {
      const r = normalizeRecord(src, {}, deriveRole);
      if (!r.ok)
        throw new Error(`synthetic record ${String(src.record_id)} is invalid: ${r.reasons.join('; ')}`);
      batch.push(r.row);
      count++;
      if (batch.length >= 5000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  await store.bulkMerge(batches(), () => ({
    fileSha256: `demo-${n}-${seed}`,
    fileName: 'synthetic demo',
    rows: count,
  }));
  return count;
}
