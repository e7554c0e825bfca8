import { z } from 'zod';
import { isIsoDate } from './dates.ts';

/**
 * The case contract, version 1 (shared spec: CASE.md). One schema serves the library, CLI, bulk
 * import and API. Objects are strict: an unknown field is an error, never silently ignored.
 * Additions beyond the shared spec are optional and marked "extension".
 */
const isoDate = z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD');

export const RACES = [
  'white',
  'black',
  'american_indian_alaska_native',
  'asian',
  'native_hawaiian_pacific_islander',
  'multiracial',
  'other',
  'unknown',
] as const;
export const ETHNICITIES = ['hispanic', 'not_hispanic', 'unknown'] as const;
export const GENDERS = ['male', 'female', 'nonbinary', 'unknown'] as const;
export const CITIZENSHIPS = [
  'us_citizen',
  'lawful_permanent_resident',
  'visa_holder',
  'refugee_or_asylee',
  'undocumented',
  'unknown',
] as const;
export const SUBSTANCES = [
  'heroin',
  'cocaine',
  'cocaine_base',
  'methamphetamine',
  'methamphetamine_actual',
  'ice',
  'fentanyl',
  'fentanyl_analogue',
  /** extension: fentanyl-related substances, a class scheduled by the HALT Fentanyl Act (2025) */
  'fentanyl_related_substance',
  'marijuana',
  'marijuana_plants',
  'hashish',
  'pcp',
  'pcp_actual',
  'lsd',
  'oxycodone',
  'hydrocodone',
  'mdma',
  'other_schedule_i_ii',
] as const;
/** extension: a mitigating-role finding under USSG 3B1.2 ('between' is the 3-level middle of (a) and (b)). */
export const MITIGATING_ROLES = ['minimal', 'between', 'minor', 'none', 'unknown'] as const;
/** A fact the case may state as known either way or as not known ('unknown' carries both bounds). */
const knownOrUnknown = z.union([z.boolean(), z.literal('unknown')], {
  error: 'must be true, false or "unknown"',
});
/**
 * Substances a dose count alone can quantify: the Guidelines count LSD on a carrier medium by the dose
 * (USSG 2D1.1(c), Notes to the Drug Quantity Table, amend. 488), so `dosage_units` may stand in for grams.
 * The statute still needs the weight (Chapman; Neal); without it the 841(b) tier is left open.
 */
export const DOSE_COUNTED: ReadonlySet<Substance> = new Set<Substance>(['lsd']);
export const DRUG_BASES = ['possessed', 'transacted', 'attributed'] as const;
export const ACTIVITIES = [
  'imported',
  'organized',
  'supervised',
  'grew_or_manufactured',
  'sold_wholesale',
  'sold_retail',
  'shared_free',
  'bought_for_friends',
  'brokered',
  'transported_vehicle',
  'carried_on_body',
  'packaged',
  'stored',
  'lookout',
  'ran_errands',
  'took_messages',
  'received_packages',
  'gave_directions',
  'lived_at_premises',
  'possessed',
] as const;
export const COMPENSATIONS = ['none', 'drugs_only', 'subsistence', 'profit', 'major_profit'] as const;
export const WEAPONS = ['none', 'nearby', 'possessed', 'brandished', 'discharged'] as const;
export const VIOLENCE = ['none', 'threat', 'bodily_injury'] as const;
export const INDICIA = [
  'quantity',
  'separate_packaging',
  'scale',
  'cash',
  'firearm',
  'ledger',
  'phone_records',
  'hand_motions',
  'observed_sale',
  'controlled_buy',
  'informant_statement',
  'co_defendant_testimony',
  'constructive_possession',
  'joint_possession',
  'empty_prescription_bottle',
  'admission',
] as const;
export const PRIOR_KINDS = ['drug_possession', 'drug_distribution', 'violent', 'firearm', 'other'] as const;
/** extension: how a prior qualifies under the Armed Career Criminal Act, 18 U.S.C. 924(e)(2)(A)-(B). */
export const ACCA_PREDICATES = ['violent_felony', 'serious_drug_offense', 'neither'] as const;

/**
 * Input sanity bounds (not law): beyond them a number is a typing or unit error, and arithmetic on it
 * would overflow to Infinity. A million tonnes is far above any seizure on record.
 */
const MAX_GRAMS = 1e12;
const MAX_UNITS = 1e9;
/** The longest term in months a case field takes. */
export const MAX_MONTHS = 12_000;
const MAX_USD = 1e12;

const months = z
  .number()
  .int('must be a whole number of months')
  .nonnegative('must not be negative')
  .max(MAX_MONTHS, `must be at most ${MAX_MONTHS} months`);

export const drugSchema = z.strictObject({
  substance: z.enum(SUBSTANCES),
  grams: z
    .number()
    .positive('must be greater than 0')
    .max(MAX_GRAMS, `must be at most ${MAX_GRAMS} grams (a million tonnes)`)
    .optional(),
  basis: z.enum(DRUG_BASES),
  purity: z
    .number()
    .gt(0, 'must be greater than 0')
    .lte(1, 'must be at most 1 (a fraction, not a percentage)')
    .optional(),
  count: z
    .number()
    .int('must be a whole number')
    .positive('must be greater than 0')
    .max(MAX_UNITS, `must be at most ${MAX_UNITS}`)
    .optional(),
  dosage_units: z
    .number()
    .int('must be a whole number')
    .positive('must be greater than 0')
    .max(MAX_UNITS, `must be at most ${MAX_UNITS}`)
    .optional(),
});

export const priorSchema = z.strictObject({
  date: isoDate,
  kind: z.enum(PRIOR_KINDS),
  felony: z.boolean(),
  sentence_months: months.optional(),
  served_months: months.optional(),
  release_date: isoDate.optional(),
  max_term_months: months.optional(),
  still_valid: z.boolean().optional(),
  /** extension: the prior was itself a conviction under 18 U.S.C. 924(c) (for the "second or subsequent" rule). */
  section_924c: z.boolean().optional(),
  /**
   * extension: the class of the prior conviction under the sentencing state's own classification (North
   * Carolina: felony A, B1, B2, C-I or misdemeanor A1, 1, 2, 3), which state grids score (N.C.G.S.
   * 15A-1340.14). Absent: the engine carries the best and worst class and asks for it.
   */
  /**
   * extension: the prior's qualification under 18 U.S.C. 924(e)(2) as found (or assumed for the estimate). Absent:
   * a drug-distribution felony qualifies by its maximum (ten years or more), a violent one is left open (the
   * categorical approach is the court's), and both bounds are shown.
   */
  acca_predicate: z.enum(ACCA_PREDICATES).optional(),
  /**
   * extension: a label of the criminal episode the prior offense was committed in; priors with the same label were
   * committed on one occasion (Wooden v. United States, 2022). Absent: priors of different dates are taken as
   * different occasions in the worst case and priors of one date as one occasion in the best.
   */
  occasion: z.string().min(1).max(100).optional(),
  offense_class: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/, 'must be a class as the state writes it, e.g. H, B1 or A1')
    .optional(),
});

export const caseSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      // control characters (NUL, escapes, line breaks) would corrupt results files and terminals
      .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
      .optional(),
    /** extension: the case was generated (demo, tests, benchmarks), not taken from a real record */
    synthetic: z.boolean().optional(),
    jurisdiction: z.string().regex(/^US-(FED|[A-Z]{2})$/, 'must be US-FED or a state as US-XX (ISO 3166-2)'),
    offense_date: isoDate,
    /** extension: the date the conviction was entered (plea or verdict); defaults to the sentencing date. */
    conviction_date: isoDate.optional(),
    sentencing_date: isoDate.optional(),
    person: z
      .strictObject({
        birth_year: z.number().int().min(1900).max(2100).optional(),
        race: z.enum(RACES).optional(),
        ethnicity: z.enum(ETHNICITIES).optional(),
        gender: z.enum(GENDERS).optional(),
        citizenship: z.enum(CITIZENSHIPS).optional(),
        uses_drugs: z.boolean().optional(),
        substance_use_disorder: z.boolean().optional(),
        veteran: z.boolean().optional(),
      })
      .optional(),
    conduct: z.strictObject({
      activities: z.array(z.enum(ACTIVITIES)).min(1, 'at least one activity is required'),
      drugs: z.array(drugSchema).min(1, 'at least one drug is required'),
      compensation: z.enum(COMPENSATIONS).optional(),
      profit_share: z.boolean().optional(),
      people_supervised: z.number().int().nonnegative('must not be negative').max(MAX_UNITS).optional(),
      weapon: z.enum(WEAPONS).optional(),
      firearm_counts: z.number().int().nonnegative('must not be negative').max(50).optional(),
      /** extension: counts of possessing a firearm as a prohibited person (18 U.S.C. 922(g)) charged with the drug count */
      felon_in_possession_counts: z.number().int().nonnegative('must not be negative').max(50).optional(),
      violence: z.enum(VIOLENCE).optional(),
      death_resulted: z.boolean().optional(),
      serious_bodily_injury_resulted: z.boolean().optional(),
      at_overdose_scene: z.boolean().optional(),
      involved_minors: z.boolean().optional(),
      school_zone: z.boolean().optional(),
    }),
    evidence: z
      .strictObject({
        indicia: z.array(z.enum(INDICIA)).optional(),
        cash_usd: z.number().nonnegative('must not be negative').max(MAX_USD).optional(),
      })
      .optional(),
    history: z
      .strictObject({
        priors: z.array(priorSchema).optional(),
        criminal_history_points: z
          .number()
          .int()
          .nonnegative('must not be negative')
          .max(1000)
          .nullable()
          .optional(),
        /** extension: the offense was committed under a criminal justice sentence (USSG 4A1.1 status points). */
        under_sentence_at_offense: z.boolean().optional(),
      })
      .optional(),
    cooperation: z
      .strictObject({
        truthful_disclosure: z.boolean().optional(),
        substantial_assistance: z.boolean().optional(),
        accepted_responsibility: z.boolean().optional(),
        /** extension: a government motion under USSG 5K1.1 (a departure below the guideline range) */
        motion_5k1_1: knownOrUnknown.optional(),
        /** extension: a government motion under 18 U.S.C. 3553(e) (authority to go below a statutory minimum) */
        motion_3553e: knownOrUnknown.optional(),
        /**
         * extension: the government moved for the third acceptance level (USSG 3E1.1(b), needed from the PROTECT
         * Act of Apr. 30, 2003); absent = not known, and both bounds are shown.
         */
        acceptance_government_motion: z.boolean().optional(),
      })
      .optional(),
    /**
     * extension: Chapter Three adjustments as the court found them (or as assumed for the estimate); when
     * absent the engine applies only what the Manual itself presumes.
     */
    adjustments: z
      .strictObject({
        /** USSG 3C1.1 obstructing or impeding the administration of justice */
        obstruction: knownOrUnknown.optional(),
        /** USSG 3B1.2 mitigating role */
        mitigating_role: z.enum(MITIGATING_ROLES).optional(),
      })
      .optional(),
    /** extension: prosecutorial choices the exposure depends on; when absent the current practice is assumed and said. */
    charging: z
      .strictObject({
        information_851: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    const sentencing = c.sentencing_date ?? c.offense_date;
    if (c.sentencing_date && c.sentencing_date < c.offense_date)
      ctx.addIssue({ code: 'custom', path: ['sentencing_date'], message: 'must not be before offense_date' });
    if (c.conviction_date && c.conviction_date < c.offense_date)
      ctx.addIssue({ code: 'custom', path: ['conviction_date'], message: 'must not be before offense_date' });
    if (c.conviction_date && c.conviction_date > sentencing)
      ctx.addIssue({
        code: 'custom',
        path: ['conviction_date'],
        message: 'must not be after sentencing_date',
      });
    const birth = c.person?.birth_year;
    if (birth !== undefined && birth > Number(c.offense_date.slice(0, 4)))
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'birth_year'],
        message: 'must not be after the year of offense_date',
      });
    c.conduct.drugs.forEach((d, i) => {
      if (d.substance === 'marijuana_plants') {
        if (d.count === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['conduct', 'drugs', i, 'count'],
            message: 'marijuana_plants needs a plant count',
          });
      } else if (d.grams === undefined && !(d.dosage_units !== undefined && DOSE_COUNTED.has(d.substance))) {
        ctx.addIssue({
          code: 'custom',
          path: ['conduct', 'drugs', i, 'grams'],
          message: DOSE_COUNTED.has(d.substance)
            ? 'is required (grams > 0), or dosage_units (the number of doses)'
            : `is required (grams > 0); dosage_units alone gives a quantity only for ${[...DOSE_COUNTED].join(', ')}`,
        });
      }
    });
    const counts = c.conduct.firearm_counts ?? 0;
    const weapon = c.conduct.weapon ?? 'none';
    if (counts > 0 && (weapon === 'none' || weapon === 'nearby'))
      ctx.addIssue({
        code: 'custom',
        path: ['conduct', 'firearm_counts'],
        message: '924(c) counts need a weapon that was possessed, brandished or discharged',
      });
    if ((c.conduct.felon_in_possession_counts ?? 0) > 0 && weapon === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['conduct', 'felon_in_possession_counts'],
        message: '922(g) counts need a weapon (conduct.weapon other than "none")',
      });
    c.history?.priors?.forEach((p, i) => {
      if (p.date > c.offense_date)
        ctx.addIssue({
          code: 'custom',
          path: ['history', 'priors', i, 'date'],
          message: 'a prior conviction must come before offense_date',
        });
      if (p.release_date && p.release_date < p.date)
        ctx.addIssue({
          code: 'custom',
          path: ['history', 'priors', i, 'release_date'],
          message: 'must not be before the prior date',
        });
      if (
        p.served_months !== undefined &&
        p.sentence_months !== undefined &&
        p.served_months > p.sentence_months
      )
        ctx.addIssue({
          code: 'custom',
          path: ['history', 'priors', i, 'served_months'],
          message: 'must not exceed sentence_months',
        });
    });
  });

export type Case = z.infer<typeof caseSchema>;
export type Drug = z.infer<typeof drugSchema>;
export type Prior = z.infer<typeof priorSchema>;
export type Activity = (typeof ACTIVITIES)[number];
export type Substance = (typeof SUBSTANCES)[number];

export interface CaseProblem {
  path: string;
  message: string;
  /** a stable code when the case is valid but refused (e.g. law.gap, dates.future) */
  code?: string;
}

/** A valid case the engine refuses to assess, with the field at fault; never a guess. */
export class CaseRefused extends Error {
  constructor(readonly problems: CaseProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'CaseRefused';
  }
}

/** Validates a case; every problem is listed with its JSON path, none is dropped. */
export function parseCase(input: unknown): { ok: true; case: Case } | { ok: false; problems: CaseProblem[] } {
  const r = caseSchema.safeParse(input);
  if (r.success) return { ok: true, case: r.data };
  const problems: CaseProblem[] = [];
  for (const i of r.error.issues) {
    const base = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) problems.push({ path: [...base, k].join('.'), message: 'unknown field' });
    } else {
      problems.push({ path: base.join('.') || '(root)', message: i.message });
    }
  }
  return { ok: false, problems };
}
