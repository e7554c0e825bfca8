import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import type { Activity, Case, Substance } from '../model/case.ts';
import { parseCase } from '../model/case.ts';

/**
 * A synthetic federal drug-supply caseload, calibrated to the figures the report publishes
 * (shared/reference/report-figures.md, "as reported by DPA (2019)"): offender functions, race and
 * ethnicity, citizenship, the methamphetamine share, and mandatory-minimum shares by function.
 * Where the report gives no figure, the assumption is named in CALIBRATION with `source: "assumption"`.
 *
 * Every record is marked `synthetic: true` and has an id starting `syn-`. The same (n, seed) gives
 * the same cases on every machine: the generator has its own seeded PRNG (sfc32) and never reads
 * the clock. Quantities are drawn relative to the 21 U.S.C. 841(b)(1)(B) trigger read from the law
 * data on the offense date, so no legal number lives here.
 */

/** sfc32 seeded through splitmix32: fast, 128-bit state, reproducible across platforms. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

function pickWeighted<T>(r: () => number, table: Weighted<T>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = r() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

type Fn =
  | 'importer_high_level_supplier'
  | 'organizer_leader'
  | 'grower_manufacturer'
  | 'wholesaler'
  | 'manager_supervisor'
  | 'street_level_dealer'
  | 'broker'
  | 'courier'
  | 'mule'
  | 'employee_worker'
  | 'social_supplier';

/** The calibration targets, with where each comes from. */
export const CALIBRATION = {
  functions: {
    source:
      'report-figures.md: 2016, 12.5% high-level suppliers or importers; 2009, 14% importers/high-level suppliers/organizers/leaders and 58.6% street-level sellers, brokers, couriers, mules and secondary roles. The split inside those groups is an assumption.',
    shares: [
      ['importer_high_level_supplier', 12.5],
      ['organizer_leader', 3.0],
      ['grower_manufacturer', 3.0],
      ['wholesaler', 17.0],
      ['manager_supervisor', 4.0],
      ['street_level_dealer', 24.0],
      ['broker', 5.0],
      ['courier', 12.0],
      ['mule', 6.0],
      ['employee_worker', 11.5],
      ['social_supplier', 2.0],
    ] as Weighted<Fn>,
  },
  mandatory_minimum_by_function: {
    source:
      'report-figures.md, 2016: one in two brokers and employees/workers, one in three street-level dealers and couriers, one in four mules convicted of an offense carrying a mandatory minimum; almost half overall. Higher functions: assumption (0.7), social suppliers: assumption (0.05).',
    shares: {
      importer_high_level_supplier: 0.7,
      organizer_leader: 0.7,
      grower_manufacturer: 0.6,
      wholesaler: 0.6,
      manager_supervisor: 0.65,
      street_level_dealer: 1 / 3,
      broker: 0.5,
      courier: 1 / 3,
      mule: 0.25,
      employee_worker: 0.5,
      social_supplier: 0.05,
    } as Record<Fn, number>,
  },
  race_ethnicity: {
    source:
      'report-figures.md: sentenced for federal drug trafficking 2016, 50.8% Latinx, 23.3% Black, 22.9% white, 3% other. Race of Hispanic people: assumption (90% white, 10% other).',
    shares: [
      ['hispanic', 50.8],
      ['black', 23.3],
      ['white', 22.9],
      ['other', 3.0],
    ] as Weighted<'hispanic' | 'black' | 'white' | 'other'>,
  },
  citizenship: {
    source:
      'report-figures.md: 28.9% non-citizens (2016). Concentration among Hispanic people (50% vs 6%) and the status split are assumptions.',
    noncitizen_if_hispanic: 0.5,
    noncitizen_otherwise: 0.0713,
    status: [
      ['undocumented', 60],
      ['lawful_permanent_resident', 32],
      ['visa_holder', 5],
      ['refugee_or_asylee', 3],
    ] as Weighted<'undocumented' | 'lawful_permanent_resident' | 'visa_holder' | 'refugee_or_asylee'>,
  },
  drugs: {
    source:
      'report-figures.md: 36.9% methamphetamine (federal drug sentencing 2017). Other shares: assumption.',
    shares: [
      ['methamphetamine', 36.9],
      ['cocaine', 19.0],
      ['cocaine_base', 8.0],
      ['heroin', 12.0],
      ['marijuana', 10.0],
      ['fentanyl', 8.0],
      ['oxycodone', 3.1],
      ['other_schedule_i_ii', 3.0],
    ] as Weighted<Substance>,
  },
  gender: {
    source: 'assumption (the report gives no share of women among people sentenced for supply)',
    female: 0.14,
  },
  drug_use: {
    source: 'report-figures.md: NSDUH 2012, 87.5% of sellers used drugs; 43.1% met SUD criteria',
    uses: 0.875,
    sud: 0.431,
  },
  weapon: {
    source: 'report-figures.md: 2012, 76% no weapon involved. Split of the rest: assumption.',
    shares: [
      ['none', 76],
      ['nearby', 14],
      ['possessed', 9],
      ['brandished', 1],
    ] as Weighted<'none' | 'nearby' | 'possessed' | 'brandished'>,
  },
  criminal_history: {
    source:
      'report-figures.md: 2016, 38% of people with a mandatory-minimum conviction had no criminal history. Prior kinds and counts: assumption.',
    none: 0.38,
  },
  trial: {
    source: 'report-figures.md: 2016, 2.4% went to trial (no acceptance of responsibility)',
    share: 0.024,
  },
  bodily_injury: {
    source: 'report-figures.md: 2016, 4.2% of mandatory-minimum convictions involved bodily injury',
    share: 0.042,
  },
} as const;

const ACTIVITIES_OF: Record<Fn, readonly Activity[][]> = {
  importer_high_level_supplier: [['imported'], ['imported', 'sold_wholesale']],
  organizer_leader: [['organized', 'supervised'], ['organized']],
  grower_manufacturer: [['grew_or_manufactured']],
  wholesaler: [['sold_wholesale']],
  manager_supervisor: [['supervised', 'sold_wholesale'], ['supervised']],
  street_level_dealer: [['sold_retail']],
  broker: [['brokered']],
  courier: [['transported_vehicle']],
  mule: [['carried_on_body']],
  employee_worker: [
    ['lookout'],
    ['ran_errands'],
    ['packaged'],
    ['took_messages'],
    ['received_packages'],
    ['stored'],
  ],
  social_supplier: [['shared_free'], ['bought_for_friends']],
};

/** Substance → the name of its 841(b)(1)(B) trigger in the law data. */
const TRIGGER_KEY: Partial<Record<Substance, string>> = {
  heroin: 'heroin',
  cocaine: 'cocaine',
  cocaine_base: 'cocaine_base',
  methamphetamine: 'methamphetamine',
  fentanyl: 'fentanyl',
  marijuana: 'marihuana',
};

const EPOCH_DAY = Date.UTC(2012, 0, 1) / 86_400_000;
const SPAN_DAYS = Date.UTC(2024, 0, 1) / 86_400_000 - EPOCH_DAY;

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export interface GenerateOptions {
  law?: LawBook;
  /** US-FED (default) or a state as US-XX: the same synthetic conduct, filed in that jurisdiction */
  jurisdiction?: string;
}

/** Generates `n` synthetic, contract-valid cases from `seed` (the same on every run). */
export function* generateCases(n: number, seed: number, options: GenerateOptions = {}): Generator<Case> {
  const law = options.law ?? defaultLawBook();
  const r = prng(seed);
  const triggerCache = new Map<string, number | null>();
  const trigger = (substance: Substance, date: string): number | null => {
    const key = TRIGGER_KEY[substance];
    if (!key) return null;
    // read the parameter's dated values directly (building a whole-law snapshot per date is costly)
    const id = `us_fed.usc21_841b.threshold.B.${key}`;
    const values = law.params.get(id)?.values ?? [];
    const hit = values.find((x) => x.from <= date && (x.to === undefined || date < x.to));
    const k = `${id}@${hit?.from ?? ''}`;
    let v = triggerCache.get(k);
    if (v === undefined) {
      v = typeof hit?.value === 'number' ? hit.value : null;
      triggerCache.set(k, v);
    }
    return v;
  };
  const C = CALIBRATION;
  for (let i = 0; i < n; i++) {
    const fn = pickWeighted(r, C.functions.shares);
    const acts = ACTIVITIES_OF[fn];
    const activities = acts[Math.floor(r() * acts.length)] as Activity[];
    const offenseDay = EPOCH_DAY + Math.floor(r() * SPAN_DAYS);
    const offense = isoDay(offenseDay);
    const convictionDay = offenseDay + 90 + Math.floor(r() * 270);
    const sentencing = isoDay(convictionDay + 60 + Math.floor(r() * 120));
    const conviction = isoDay(convictionDay);

    const group = pickWeighted(r, C.race_ethnicity.shares);
    const hispanic = group === 'hispanic';
    const race =
      group === 'hispanic'
        ? r() < 0.9
          ? 'white'
          : 'other'
        : group === 'other'
          ? pickWeighted(r, [
              ['asian', 45],
              ['american_indian_alaska_native', 35],
              ['native_hawaiian_pacific_islander', 10],
              ['multiracial', 10],
            ] as const)
          : group;
    const noncitizen =
      r() < (hispanic ? C.citizenship.noncitizen_if_hispanic : C.citizenship.noncitizen_otherwise);
    const citizenship = noncitizen ? pickWeighted(r, C.citizenship.status) : 'us_citizen';
    const gender = r() < C.gender.female ? 'female' : 'male';
    const uses = r() < C.drug_use.uses;
    const sud = uses && r() < C.drug_use.sud / C.drug_use.uses;

    let substance = pickWeighted(r, C.drugs.shares);
    if (fn === 'grower_manufacturer' && substance !== 'marijuana' && substance !== 'methamphetamine')
      substance = r() < 0.5 ? 'marijuana' : 'methamphetamine';
    const mm = r() < C.mandatory_minimum_by_function.shares[fn];
    const t = trigger(substance, offense);
    let grams: number;
    if (t !== null) {
      // at or above the 5-year trigger (up to 30x, some past the 10-year one), or well under it
      grams = mm ? t * (1 + r() * (r() < 0.3 ? 29 : 4)) : t * (0.02 + r() * 0.9);
      if (fn === 'street_level_dealer' || fn === 'social_supplier' || fn === 'mule')
        grams = Math.max(0.1, grams);
    } else {
      grams = mm ? 500 + r() * 5000 : 1 + r() * 100;
    }
    const basis =
      fn === 'courier' || fn === 'mule'
        ? 'possessed'
        : fn === 'employee_worker' || fn === 'broker'
          ? 'attributed'
          : r() < 0.3
            ? 'attributed'
            : 'transacted';
    const drugs = [{ substance, grams: round3(Math.max(0.001, grams)), basis }];
    if (r() < 0.12) {
      const second = pickWeighted(r, C.drugs.shares);
      if (second !== substance && second !== 'other_schedule_i_ii' && second !== 'oxycodone')
        drugs.push({ substance: second, grams: round3(0.5 + r() * 50), basis });
    }

    let weapon = pickWeighted(r, C.weapon.shares) as string;
    if (fn === 'social_supplier') weapon = 'none';
    const firearm_counts = weapon === 'possessed' || weapon === 'brandished' ? (r() < 0.35 ? 1 : 0) : 0;

    const noHistory = r() < C.criminal_history.none;
    const priors: Record<string, unknown>[] = [];
    if (!noHistory) {
      const k = 1 + Math.floor(r() * r() * 4);
      for (let p = 0; p < k; p++) {
        const day = offenseDay - 365 * (1 + p * 3) - Math.floor(r() * 700);
        const felony = r() < 0.55;
        const sentence = felony ? 6 + Math.floor(r() * 48) : Math.floor(r() * 12);
        priors.push({
          date: isoDay(day),
          kind: pickWeighted(r, [
            ['drug_possession', 40],
            ['drug_distribution', 25],
            ['other', 25],
            ['violent', 7],
            ['firearm', 3],
          ] as const),
          felony,
          sentence_months: sentence,
          served_months: Math.floor(sentence * (0.5 + r() * 0.5)),
        });
      }
      priors.sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
    }

    const indiciaPool = [
      'quantity',
      'separate_packaging',
      'scale',
      'cash',
      'phone_records',
      'controlled_buy',
      'informant_statement',
      'co_defendant_testimony',
    ] as const;
    const indicia = indiciaPool.filter(() => r() < 0.25);
    const profit =
      fn === 'importer_high_level_supplier' || fn === 'organizer_leader'
        ? 'major_profit'
        : fn === 'social_supplier'
          ? 'none'
          : fn === 'employee_worker' || fn === 'mule'
            ? 'subsistence'
            : 'profit';
    const raw = {
      id: `syn-${seed}-${String(i + 1).padStart(7, '0')}`,
      synthetic: true,
      jurisdiction: options.jurisdiction ?? 'US-FED',
      offense_date: offense,
      conviction_date: conviction,
      sentencing_date: sentencing,
      person: {
        birth_year: Number(offense.slice(0, 4)) - (19 + Math.floor(r() * r() * 45)),
        race,
        ethnicity: hispanic ? 'hispanic' : 'not_hispanic',
        gender,
        citizenship,
        uses_drugs: uses,
        substance_use_disorder: sud,
      },
      conduct: {
        activities,
        drugs,
        compensation: profit,
        ...(fn === 'organizer_leader' || fn === 'manager_supervisor'
          ? { people_supervised: 1 + Math.floor(r() * 8), profit_share: true }
          : {}),
        weapon,
        firearm_counts,
        violence: r() < C.bodily_injury.share * (mm ? 1 : 0.3) ? 'bodily_injury' : 'none',
      },
      evidence: indicia.length ? { indicia: [...indicia] } : {},
      history: { priors },
      cooperation: {
        truthful_disclosure: r() < 0.55,
        substantial_assistance: r() < 0.12,
        accepted_responsibility: r() >= C.trial.share,
      },
    };
    const parsed = parseCase(raw);
    if (!parsed.ok) throw new Error(`generator produced an invalid case: ${JSON.stringify(parsed.problems)}`);
    yield parsed.case;
  }
}
