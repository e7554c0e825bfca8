import {
  ACTIVITY_CODES,
  AGE_BANDS,
  CHARGES,
  CITIZENSHIP,
  type CodeList,
  DECISION_STAGES,
  DEMOGRAPHIC_SOURCES,
  DRUG_TYPES,
  ENHANCEMENTS,
  GENDERS,
  HISPANIC,
  HISTORY_BANDS,
  INDICIA_CODES,
  INDICIA_PROFILES,
  type Missing,
  QUANTITY_BANDS,
  QUANTITY_BASES,
  RACE_ETHNICITY,
  RACES,
  ROLE_BASES,
  ROLES,
  STAGE_OUTCOMES,
  UNITS,
  YES_NO,
} from './codes.ts';

/**
 * The data dictionary of a case record: one row per person per case. It is the single source for the
 * validator, the storage columns, the CSV/Parquet layout, the Data Package descriptor and docs/records.md.
 *
 * Conventions: a coded field ("code", "codes") holds a normalised code (or a missingness code) and has a
 * companion `<name>_raw` holding the source's own value; "codes" fields are multi-valued (";" in CSV).
 * Numeric and date fields hold the value (or null) with `<name>_raw` (source text) and `<name>_missing`
 * (why it is null: unknown / not_collected / not_applicable).
 */
export type FieldType = 'string' | 'boolean' | 'integer' | 'number' | 'date' | 'code' | 'codes';
export interface FieldDef {
  name: string;
  type: FieldType;
  description: string;
  codes?: CodeList;
  required?: boolean;
  /** what a blank source value means (default: unknown) */
  blank?: Missing;
  pattern?: RegExp;
  min?: number;
  group: string;
}

const f = (d: FieldDef) => d;
const MAX_DRUGS = 3;

export const SOURCE_FIELDS: FieldDef[] = [
  f({
    name: 'record_id',
    type: 'string',
    required: true,
    group: 'identity',
    description:
      'Unique id of this person in this case (one row per person per case). The import key, with the row hash.',
  }),
  f({
    name: 'case_id',
    type: 'string',
    required: true,
    group: 'identity',
    description: 'Id of the case (several people may share a case).',
  }),
  f({
    name: 'person_id',
    type: 'string',
    group: 'identity',
    description: 'Pseudonymous person id, if the source has one (never a name).',
  }),
  f({
    name: 'synthetic',
    type: 'boolean',
    group: 'identity',
    description: 'true when the record was generated (demo, tests, benchmarks), not taken from a real case.',
  }),
  f({
    name: 'jurisdiction',
    type: 'string',
    required: true,
    pattern: /^US-(FED|[A-Z]{2})$/,
    group: 'identity',
    description: 'US-FED or a state as US-XX (ISO 3166-2).',
  }),
  f({
    name: 'agency',
    type: 'string',
    group: 'identity',
    description: 'Reporting agency (police department, prosecutor office, court).',
  }),
  f({
    name: 'offense_date',
    type: 'date',
    group: 'identity',
    description: 'Date of the alleged conduct (YYYY-MM-DD).',
  }),
  ...Array.from({ length: MAX_DRUGS }, (_, i) => {
    const k = i + 1;
    const blank: Missing = k === 1 ? 'unknown' : 'not_applicable';
    return [
      f({
        name: `drug_${k}_type`,
        type: 'code',
        codes: DRUG_TYPES,
        blank,
        group: 'drugs',
        description: `Drug ${k}: type.${k === 1 ? ' Drug 1 is the primary drug (the one charged, or the largest quantity).' : ''}`,
      }),
      f({
        name: `drug_${k}_quantity`,
        type: 'number',
        min: 0,
        blank,
        group: 'drugs',
        description: `Drug ${k}: quantity, in drug_${k}_unit.`,
      }),
      f({
        name: `drug_${k}_unit`,
        type: 'code',
        codes: UNITS,
        blank,
        group: 'drugs',
        description: `Drug ${k}: unit of the quantity.`,
      }),
      f({
        name: `drug_${k}_basis`,
        type: 'code',
        codes: QUANTITY_BASES,
        blank,
        group: 'drugs',
        description: `Drug ${k}: basis of the quantity (seized field weight, laboratory-confirmed, attributed through conspiracy or relevant conduct, or stipulated).`,
      }),
    ];
  }).flat(),
  ...DECISION_STAGES.flatMap((s) => [
    f({
      name: `${s}_date`,
      type: 'date',
      blank: 'not_applicable',
      group: 'decisions',
      description: `Date of the ${s.replace(/_/g, ' ')} decision.`,
    }),
    f({
      name: `${s}_outcome`,
      type: 'code',
      codes: STAGE_OUTCOMES[s],
      blank: 'not_applicable',
      group: 'decisions',
      description: `Outcome of the ${s.replace(/_/g, ' ')} decision. not_applicable: the case did not reach this decision; unknown: reached, outcome not known; not_collected: the source does not record this decision.`,
    }),
  ]),
  f({
    name: 'charges_filed',
    type: 'codes',
    codes: CHARGES,
    group: 'charges',
    description: 'Every charge filed (multi-valued).',
  }),
  f({
    name: 'most_serious_charge',
    type: 'code',
    codes: CHARGES,
    group: 'charges',
    description: 'The most serious charge filed.',
  }),
  f({
    name: 'enhancements',
    type: 'codes',
    codes: ENHANCEMENTS,
    group: 'charges',
    description: 'Enhancements or notices filed (multi-valued; "none" when none).',
  }),
  f({
    name: 'indicia',
    type: 'codes',
    codes: INDICIA_CODES,
    group: 'conduct',
    description: 'Indicia of sale the state relied on (multi-valued; "none" when none).',
  }),
  f({
    name: 'activities',
    type: 'codes',
    codes: ACTIVITY_CODES,
    group: 'conduct',
    description:
      "What the person did (the case contract's activities); used to derive the role when none is coded.",
  }),
  f({
    name: 'people_supervised',
    type: 'integer',
    min: 0,
    group: 'conduct',
    description: 'Number of people the person supervised.',
  }),
  f({
    name: 'role',
    type: 'code',
    codes: ROLES,
    group: 'role',
    description:
      'Role in the supply chain (U.S. Sentencing Commission offender function, plus user_possession_only and social_supplier), as coded by the source.',
  }),
  f({
    name: 'role_basis',
    type: 'code',
    codes: ROLE_BASES,
    group: 'role',
    description: 'Who assessed the role.',
  }),
  f({
    name: 'race',
    type: 'codes',
    codes: RACES,
    group: 'person',
    description: 'Race (multi-valued: every race reported).',
  }),
  f({
    name: 'race_source',
    type: 'code',
    codes: DEMOGRAPHIC_SOURCES,
    group: 'person',
    description: 'Source of race: self-reported, perceived by an officer, or another record.',
  }),
  f({
    name: 'hispanic_origin',
    type: 'code',
    codes: HISPANIC,
    group: 'person',
    description: 'Hispanic or Latino/a/x origin (asked separately from race).',
  }),
  f({
    name: 'hispanic_origin_source',
    type: 'code',
    codes: DEMOGRAPHIC_SOURCES,
    group: 'person',
    description: 'Source of Hispanic origin.',
  }),
  f({
    name: 'gender',
    type: 'code',
    codes: GENDERS,
    group: 'person',
    description: 'Sex or gender as recorded.',
  }),
  f({
    name: 'citizenship',
    type: 'code',
    codes: CITIZENSHIP,
    group: 'person',
    description: 'Citizenship and immigration status.',
  }),
  f({
    name: 'age_band',
    type: 'code',
    codes: AGE_BANDS,
    group: 'person',
    description: 'Age at the offence, banded.',
  }),
  f({
    name: 'criminal_history_band',
    type: 'code',
    codes: HISTORY_BANDS,
    group: 'history',
    description: 'Prior convictions, banded.',
  }),
  f({
    name: 'criminal_history_points',
    type: 'integer',
    min: 0,
    blank: 'not_applicable',
    group: 'history',
    description: 'Federal guideline criminal-history points, where computed.',
  }),
  f({
    name: 'sentence_months',
    type: 'integer',
    min: 0,
    blank: 'not_applicable',
    group: 'sentence',
    description: 'Custodial term imposed, in months (0 for a non-custodial sentence).',
  }),
  f({
    name: 'mandatory_minimum',
    type: 'code',
    codes: YES_NO,
    blank: 'not_applicable',
    group: 'sentence',
    description: 'A mandatory minimum applied at sentence.',
  }),
];

/** Columns Proportion computes at import (never read from the source); they drive publication. */
export const DERIVED_FIELDS: FieldDef[] = [
  f({
    name: 'race_ethnicity',
    type: 'code',
    codes: RACE_ETHNICITY,
    group: 'derived',
    description:
      'Hispanic of any race, otherwise the single race reported (more than one: multiracial); unknown when race or origin is missing.',
  }),
  f({
    name: 'role_final',
    type: 'code',
    codes: ROLES,
    group: 'derived',
    description:
      'The coded role; when none is coded, the role Proportion derives from activities, compensation and own quantity.',
  }),
  f({
    name: 'role_final_basis',
    type: 'code',
    codes: ROLE_BASES,
    group: 'derived',
    description: 'Who assessed role_final (proportion_derived when derived).',
  }),
  f({
    name: 'drug',
    type: 'code',
    codes: DRUG_TYPES,
    group: 'derived',
    description: 'Primary drug (drug_1_type).',
  }),
  f({
    name: 'quantity_grams',
    type: 'number',
    group: 'derived',
    description: 'Primary drug quantity in grams (null for pills or plants, or unknown).',
  }),
  f({
    name: 'quantity_band',
    type: 'code',
    codes: QUANTITY_BANDS,
    group: 'derived',
    description: 'Primary drug quantity band, drug-specific (see docs/records.md).',
  }),
  f({
    name: 'indicia_profile',
    type: 'code',
    codes: INDICIA_PROFILES,
    group: 'derived',
    description: 'Indicia of sale, grouped: none, circumstantial only, direct.',
  }),
  f({
    name: 'sale_charged',
    type: 'boolean',
    group: 'derived',
    description: 'charging_decision_outcome is sale_charged.',
  }),
  f({
    name: 'sale_convicted',
    type: 'boolean',
    group: 'derived',
    description: 'disposition_outcome is convicted_sale.',
  }),
  f({
    name: 'incarcerated',
    type: 'boolean',
    group: 'derived',
    description: 'sentence_outcome is prison or jail.',
  }),
];

export const hasRaw = (d: FieldDef) => d.type !== 'string' && d.type !== 'boolean';
export const hasMissing = (d: FieldDef) => d.type === 'integer' || d.type === 'number' || d.type === 'date';

export type SqlType = 'TEXT' | 'BOOLEAN' | 'INTEGER' | 'DOUBLE PRECISION' | 'DATE';
export interface Column {
  name: string;
  sql: SqlType;
  field: FieldDef;
  role: 'value' | 'raw' | 'missing';
  derived: boolean;
}

function sqlType(t: FieldType): SqlType {
  switch (t) {
    case 'boolean':
      return 'BOOLEAN';
    case 'integer':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE PRECISION';
    case 'date':
      return 'DATE';
    default:
      return 'TEXT';
  }
}

/** Every stored column, in order: source fields with their raw and missingness companions, then derived. */
export const COLUMNS: Column[] = [
  ...SOURCE_FIELDS.flatMap((d): Column[] => [
    { name: d.name, sql: sqlType(d.type), field: d, role: 'value', derived: false },
    ...(hasRaw(d)
      ? [{ name: `${d.name}_raw`, sql: 'TEXT' as const, field: d, role: 'raw' as const, derived: false }]
      : []),
    ...(hasMissing(d)
      ? [
          {
            name: `${d.name}_missing`,
            sql: 'TEXT' as const,
            field: d,
            role: 'missing' as const,
            derived: false,
          },
        ]
      : []),
  ]),
  ...DERIVED_FIELDS.map(
    (d): Column => ({ name: d.name, sql: sqlType(d.type), field: d, role: 'value', derived: true }),
  ),
  {
    name: 'source_hash',
    sql: 'TEXT',
    role: 'value',
    derived: true,
    field: {
      name: 'source_hash',
      type: 'string',
      group: 'import',
      description: 'SHA-256 of the normalised source fields: with record_id, the idempotency key.',
    },
  },
];
export const COLUMN_NAMES = COLUMNS.map((c) => c.name);
export const FIELD_BY_NAME = new Map(SOURCE_FIELDS.map((d) => [d.name, d]));

/** Dimensions a release can be disaggregated by, and the column behind each. */
export const DIMENSIONS = {
  role: { column: 'role_final', codes: ROLES, title: 'Role in the supply chain' },
  race_ethnicity: { column: 'race_ethnicity', codes: RACE_ETHNICITY, title: 'Race and ethnicity' },
  gender: { column: 'gender', codes: GENDERS, title: 'Sex or gender' },
  drug: { column: 'drug', codes: DRUG_TYPES, title: 'Primary drug' },
  citizenship: { column: 'citizenship', codes: CITIZENSHIP, title: 'Citizenship' },
  age_band: { column: 'age_band', codes: AGE_BANDS, title: 'Age' },
  quantity_band: { column: 'quantity_band', codes: QUANTITY_BANDS, title: 'Quantity band' },
  indicia_profile: { column: 'indicia_profile', codes: INDICIA_PROFILES, title: 'Indicia of sale' },
  criminal_history: { column: 'criminal_history_band', codes: HISTORY_BANDS, title: 'Criminal history' },
} as const;
export type Dimension = keyof typeof DIMENSIONS;
