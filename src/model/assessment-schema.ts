import { z } from 'zod';
import { OFFENDER_FUNCTIONS } from './assessment.ts';

/**
 * The assessment contract as a schema, for `proportion schema assessment`, API documentation and
 * tests. Objects are loose: fields beyond the contract may be added, these keep their meaning.
 */
const term = z.union([z.number().nonnegative(), z.literal('life')]);
const range = z.tuple([term, term]);
const citations = z.array(z.string().min(1));
const explained = { reasons: z.array(z.string()), citations };

export const findingSchema = z.looseObject({
  code: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/),
  severity: z.enum(['info', 'warning', 'critical']),
  message: z.string().min(1),
  citations,
});

export const assessmentSchema = z.looseObject({
  case_id: z.string().nullable(),
  jurisdiction: z.string(),
  dates: z.looseObject({
    offense: z.iso.date(),
    sentencing: z.iso.date(),
    evaluation: z.iso.date(),
    statute_law: z.iso.date(),
    guidelines_manual: z.iso.date().nullable(),
  }),
  scenario: z.string().min(1),
  stamp: z.looseObject({ engine: z.string(), law_data: z.string().regex(/^sha256:[0-9a-f]{64}$/) }),
  role: z.looseObject({ function: z.enum(OFFENDER_FUNCTIONS), ...explained }).nullable(),
  exposure: z
    .looseObject({
      statutory: z.looseObject({
        minimum_months: term.nullable(),
        maximum_months: term.nullable(),
        citations,
      }),
      firearms: z.looseObject({ consecutive_minimum_months: term, citations }),
      safety_valve: z.looseObject({ eligible: z.boolean().nullable(), ...explained }),
      /** extension: 18 U.S.C. 922(g) counts charged with the drug count */
      felon_in_possession: z
        .looseObject({
          counts: z.number().int().positive(),
          minimum_months: term,
          maximum_months: term,
          armed_career_criminal: z.boolean().nullable(),
          occasions: z.number().int().nonnegative(),
          citations,
        })
        .optional(),
      mandatory_minimum_months: term.nullable(),
      guidelines: z
        .looseObject({
          offense_level: z.number().int().min(1).max(43),
          criminal_history_points: z.number().int().nonnegative(),
          criminal_history_category: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']),
          table_range_months: range,
          range_months: range,
        })
        .nullable(),
      /** extension: a state engine's result (docs/state-engines.md) */
      state: z
        .looseObject({
          engine: z.string().regex(/^US-[A-Z]{2}$/),
          offense: z.looseObject({
            citation: z.string().min(1),
            description: z.string().min(1),
            conduct: z.enum(['possession', 'distribution', 'trafficking']),
            class: z.string().nullable(),
            tier: z.string().nullable(),
          }),
          counts: z
            .array(
              z.looseObject({
                citation: z.string().min(1),
                kind: z.enum(['offense', 'firearm', 'school_zone']),
                range_months: z.tuple([term, term.nullable()]),
                minimum_months: term,
                mandatory_months: term,
                probation_allowed: z.boolean().nullable(),
              }),
            )
            .min(1),
          enhancements: z.array(
            z.looseObject({ code: z.string(), citation: z.string(), effect: z.string() }),
          ),
          grid: z
            .looseObject({
              kind: z.string(),
              minimum_months: term.nullable(),
              maximum_months: term.nullable(),
              binding: z.boolean(),
              citations,
            })
            .nullable(),
          release: z.looseObject({
            parole_eligible: z.boolean().nullable(),
            served_fraction: z.number().min(0).max(1).nullable(),
            earliest_release: z
              .object({
                fraction: z.number().min(0).max(1),
                cap_months: z.number().nonnegative().nullable(),
                mandatory_served_in_full: z.boolean(),
              })
              .optional(),
            latest_release: z.enum(['term', 'statutory_maximum']).optional(),
            confinement: z
              .object({
                minimum_months: z.number().nonnegative(),
                maximum_months: z.number().nonnegative(),
                supervision_maximum_months: z.number().nonnegative(),
                supervision_minimum_share: z.number().min(0).max(1),
              })
              .optional(),
            rule: z.string(),
            citations,
          }),
          expected_term: z.looseObject({
            months: term.nullable(),
            basis: z.enum(['mandatory_minimum', 'grid_minimum']),
            lower_bound: z.boolean(),
            served_months: term.nullable(),
            served_months_range: z.tuple([term, term]).optional(),
          }),
          citations,
        })
        .optional(),
    })
    .nullable(),
  indicia: z.array(
    z.looseObject({ indicium: z.string(), strength: z.enum(['weak', 'moderate', 'strong']), ...explained }),
  ),
  screen: z
    .looseObject({
      policy: z.string(),
      recommendation: z.enum([
        'decline',
        'treat_as_possession',
        'divert',
        'prosecute_own_conduct',
        'prosecute',
      ]),
      rules: z.array(z.looseObject({ code: z.string(), message: z.string(), citations })),
    })
    .nullable(),
  consequences: z
    .looseObject({
      immigration: z
        .looseObject({
          applies: z.boolean().nullable(),
          aggravated_felony: z.boolean().nullable(),
          mandatory_detention: z.boolean().nullable(),
          ...explained,
        })
        .nullable(),
      benefits: z.looseObject({ snap_tanf_ban: z.boolean().nullable(), ...explained }).nullable(),
      good_samaritan: z.looseObject({ protected: z.boolean().nullable(), ...explained }).nullable(),
      cost: z
        .looseObject({
          usd: z.number().nonnegative(),
          person_years: z.number().nonnegative(),
          rate_usd_per_year: z.number().nonnegative(),
          citations,
          expected_served_months: z.number().nonnegative().optional(),
          release_rule: z.string().optional(),
          cost_of_term_imposed: z
            .looseObject({
              usd: z.number().nonnegative(),
              person_years: z.number().nonnegative(),
              months: z.number().nonnegative(),
              basis: z.string(),
            })
            .optional(),
        })
        .nullable(),
    })
    .nullable(),
  findings: z.array(findingSchema),
  questions: z.array(z.strictObject({ path: z.string(), code: z.string(), finding: z.string() })).optional(),
});

export const comparisonSchema = z.looseObject({
  case_id: z.string().nullable(),
  assessments: z.array(assessmentSchema),
  differences: z.array(
    z.looseObject({
      field: z.string(),
      values: z.record(z.string(), z.unknown()),
      because: z.array(z.looseObject({ scenario: z.string(), parameter: z.string(), citations })),
    }),
  ),
});
