import type { OFFENDER_FUNCTIONS, Recommendation, Strength } from '../model/assessment.ts';
import type {
  ACCA_PREDICATES,
  ACTIVITIES,
  CITIZENSHIPS,
  COMPENSATIONS,
  DRUG_BASES,
  ETHNICITIES,
  GENDERS,
  INDICIA,
  MITIGATING_ROLES,
  PRIOR_KINDS,
  RACES,
  SUBSTANCES,
  VIOLENCE,
  WEAPONS,
} from '../model/case.ts';

/**
 * The label catalog: the words a user reads for every enum value, scenario id and field path of the
 * contract. Web, PDF, CLI, charts and message templates read labels here, never an id: a user should
 * never meet `sold_wholesale` or "Us citizen". Completeness is checked twice: by the compiler (each
 * table `satisfies` a record over the contract's own value list) and by a test that walks the zod
 * case schema for every enum and every field path.
 */
type Labels<T extends readonly string[]> = Record<T[number], string>;

export const ENUM_LABELS = {
  race: {
    white: 'White',
    black: 'Black',
    american_indian_alaska_native: 'American Indian or Alaska Native',
    asian: 'Asian',
    native_hawaiian_pacific_islander: 'Native Hawaiian or other Pacific Islander',
    multiracial: 'More than one race',
    other: 'Some other race',
    unknown: 'Not known',
  } satisfies Labels<typeof RACES>,
  ethnicity: {
    hispanic: 'Hispanic or Latino/a/x',
    not_hispanic: 'Not Hispanic or Latino/a/x',
    unknown: 'Not known',
  } satisfies Labels<typeof ETHNICITIES>,
  gender: {
    male: 'Male',
    female: 'Female',
    nonbinary: 'Nonbinary',
    unknown: 'Not known',
  } satisfies Labels<typeof GENDERS>,
  citizenship: {
    us_citizen: 'U.S. citizen',
    lawful_permanent_resident: 'Lawful permanent resident (green card)',
    visa_holder: 'Visa holder',
    refugee_or_asylee: 'Refugee or asylee',
    undocumented: 'Undocumented',
    unknown: 'Not known',
  } satisfies Labels<typeof CITIZENSHIPS>,
  substance: {
    heroin: 'Heroin',
    cocaine: 'Cocaine (powder)',
    cocaine_base: 'Cocaine base (crack)',
    methamphetamine: 'Methamphetamine (mixture)',
    methamphetamine_actual: 'Methamphetamine (actual, pure)',
    ice: 'Ice (crystal methamphetamine)',
    fentanyl: 'Fentanyl',
    fentanyl_analogue: 'Fentanyl analogue',
    fentanyl_related_substance: 'Fentanyl-related substance',
    marijuana: 'Marijuana',
    marijuana_plants: 'Marijuana plants',
    hashish: 'Hashish',
    pcp: 'PCP (mixture)',
    pcp_actual: 'PCP (actual, pure)',
    lsd: 'LSD',
    oxycodone: 'Oxycodone',
    hydrocodone: 'Hydrocodone',
    mdma: 'MDMA (ecstasy)',
    other_schedule_i_ii: 'Another Schedule I or II drug',
  } satisfies Labels<typeof SUBSTANCES>,
  basis: {
    possessed: 'Possessed',
    transacted: 'Transacted (sold, delivered, carried)',
    attributed: "Attributed (the network's quantity, through conspiracy)",
  } satisfies Labels<typeof DRUG_BASES>,
  activity: {
    imported: 'Imported drugs',
    organized: 'Organized or led the operation',
    supervised: 'Supervised others',
    grew_or_manufactured: 'Grew or manufactured drugs',
    sold_wholesale: 'Sold wholesale',
    sold_retail: 'Sold small amounts (retail)',
    shared_free: 'Shared drugs without payment',
    bought_for_friends: 'Bought drugs for friends',
    brokered: 'Brokered a deal (go-between)',
    transported_vehicle: 'Transported drugs in a vehicle',
    carried_on_body: 'Carried drugs on or in the body',
    packaged: 'Packaged drugs',
    stored: 'Stored drugs',
    lookout: 'Acted as a lookout',
    ran_errands: 'Ran errands',
    took_messages: 'Took messages',
    received_packages: 'Received packages',
    gave_directions: 'Gave directions',
    lived_at_premises: 'Lived where drugs were kept',
    possessed: 'Possessed drugs',
  } satisfies Labels<typeof ACTIVITIES>,
  compensation: {
    none: 'Nothing',
    drugs_only: 'Paid in drugs only',
    subsistence: 'Enough to get by (subsistence)',
    profit: 'Profit',
    major_profit: 'Major profit',
  } satisfies Labels<typeof COMPENSATIONS>,
  weapon: {
    none: 'No weapon',
    nearby: 'Nearby (home or car, not on the person)',
    possessed: 'Possessed',
    brandished: 'Brandished',
    discharged: 'Discharged',
  } satisfies Labels<typeof WEAPONS>,
  violence: {
    none: 'No violence',
    threat: 'A threat of violence',
    bodily_injury: 'Bodily injury',
  } satisfies Labels<typeof VIOLENCE>,
  indicium: {
    quantity: 'The quantity',
    separate_packaging: 'Separate packaging',
    scale: 'A scale',
    cash: 'Cash',
    firearm: 'A firearm',
    ledger: 'A ledger or notes',
    phone_records: 'Phone records',
    hand_motions: 'Hand motions',
    observed_sale: 'A sale an officer observed',
    controlled_buy: 'A controlled buy',
    informant_statement: "An informant's statement",
    co_defendant_testimony: "A co-defendant's testimony",
    constructive_possession: 'Constructive possession (drugs where the person had access)',
    joint_possession: 'Joint possession (drugs shared with others)',
    empty_prescription_bottle: 'An empty prescription bottle',
    admission: 'An admission',
  } satisfies Labels<typeof INDICIA>,
  prior_kind: {
    drug_possession: 'Drug possession',
    drug_distribution: 'Drug distribution',
    violent: 'A violent offense',
    firearm: 'A firearm offense',
    other: 'Another offense',
  } satisfies Labels<typeof PRIOR_KINDS>,
  acca_predicate: {
    violent_felony: 'A violent felony (18 U.S.C. 924(e)(2)(B))',
    serious_drug_offense: 'A serious drug offense (18 U.S.C. 924(e)(2)(A))',
    neither: 'Neither',
  } satisfies Labels<typeof ACCA_PREDICATES>,
  mitigating_role: {
    minimal: 'Minimal participant (-4)',
    between: 'Between minimal and minor (-3)',
    minor: 'Minor participant (-2)',
    none: 'No mitigating role',
    unknown: 'Not known yet',
  } satisfies Labels<typeof MITIGATING_ROLES>,
  function: {
    importer_high_level_supplier: 'Importer or high-level supplier',
    organizer_leader: 'Organizer or leader',
    grower_manufacturer: 'Grower or manufacturer',
    wholesaler: 'Wholesaler',
    manager_supervisor: 'Manager or supervisor',
    street_level_dealer: 'Street-level dealer',
    broker: 'Broker (go-between)',
    courier: 'Courier',
    mule: 'Mule (carries drugs on or in the body)',
    employee_worker: 'Employee or worker (lookout, errands, packaging)',
    user_possession_only: 'A person who uses drugs (possession only)',
    social_supplier: 'Social supplier (shares or buys for friends)',
  } satisfies Labels<typeof OFFENDER_FUNCTIONS>,
  recommendation: {
    decline: 'Decline to prosecute',
    treat_as_possession: 'Treat as possession for personal use',
    divert: 'Divert (pre-booking or pre-charge)',
    prosecute_own_conduct: "Prosecute only the person's own conduct",
    prosecute: 'Prosecute',
  } satisfies Record<Recommendation, string>,
  strength: { weak: 'Weak', moderate: 'Moderate', strong: 'Strong' } satisfies Record<Strength, string>,
  /** steps of the guideline offense level (codes guidelines.<step>) */
  guideline_step: {
    base_offense_level: 'Base offense level (drug quantity)',
    mitigating_role_cap: 'Cap for a mitigating role',
    weapon: 'Weapon',
    violence: 'Violence',
    safety_valve: 'Safety valve',
    aggravating_role: 'Aggravating role',
    'mitigating_role.minor': 'Minor role',
    'mitigating_role.minimal': 'Minimal role',
    'mitigating_role.between': 'Role between minimal and minor',
    obstruction: 'Obstruction of justice',
    acceptance: 'Acceptance of responsibility',
    zero_point_offender: 'No criminal history points (zero-point offender)',
    career_offender: 'Career offender',
    'grouping.firearm_count': 'The firearm count, grouped with the drug count (higher level)',
    'grouping.units': 'Separate groups of counts (units added)',
    armed_career_criminal: 'Armed career criminal',
  },
  consequence: {
    immigration: 'Immigration',
    benefits: 'Public benefits and housing',
    good_samaritan: '911 Good Samaritan protection',
    violent_label: 'Is drug selling labelled "violent"?',
    drug_induced_homicide: 'Drug-induced homicide',
    cost: 'Cost of the time expected to be served',
  },
} as const;
export type EnumName = keyof typeof ENUM_LABELS;

/** The label of one enum value; an id the catalog does not know is an error in tests, shown humanized here. */
export function enumLabel(kind: EnumName, value: unknown): string {
  const table = ENUM_LABELS[kind] as Record<string, string>;
  const v = String(value);
  return table[v] ?? humanize(v);
}
/** A list of enum values, each by its label. */
export const enumList = (kind: EnumName, values: unknown): string =>
  (Array.isArray(values) ? values : String(values ?? '').split(/,\s*/))
    .filter((v) => v !== '')
    .map((v) => enumLabel(kind, v))
    .join(', ');

/**
 * What people call the drugs, for search (the law page): each common name finds the contract's
 * substances. The law's own spellings are included (the Guidelines write "marihuana").
 */
export const COMMON_NAMES: Record<string, readonly string[]> = {
  crack: ['cocaine_base'],
  rock: ['cocaine_base'],
  powder: ['cocaine'],
  coke: ['cocaine', 'cocaine_base'],
  cocaine: ['cocaine', 'cocaine_base'],
  meth: ['methamphetamine', 'methamphetamine_actual', 'ice'],
  crystal: ['ice'],
  speed: ['methamphetamine'],
  fentanyl: ['fentanyl', 'fentanyl_analogue', 'fentanyl_related_substance'],
  fent: ['fentanyl', 'fentanyl_analogue', 'fentanyl_related_substance'],
  heroin: ['heroin'],
  dope: ['heroin'],
  weed: ['marijuana', 'marihuana', 'marijuana_plants'],
  pot: ['marijuana', 'marihuana', 'marijuana_plants'],
  cannabis: ['marijuana', 'marihuana', 'marijuana_plants', 'hashish'],
  marijuana: ['marijuana', 'marihuana', 'marijuana_plants'],
  hash: ['hashish'],
  ecstasy: ['mdma'],
  molly: ['mdma'],
  acid: ['lsd'],
  'angel dust': ['pcp', 'pcp_actual'],
  oxy: ['oxycodone'],
  pills: ['oxycodone', 'hydrocodone'],
};

/** Built-in scenario ids (reform ids are labelled by their catalog titles). */
export const SCENARIO_LABELS: Record<string, string> = {
  law_in_force: 'The law that governs the case',
  law_at_sentencing: 'The law at the time of the case',
  law_today: 'The same conduct under the law today',
};
export const scenarioLabel = (id: string, reformTitles: Record<string, string> = {}): string =>
  SCENARIO_LABELS[id] ?? reformTitles[id] ?? humanize(id);

/** The assessment's headline fields (the comparison rows), by their path in the assessment. */
export const RESULT_LABELS: Record<string, string> = {
  'role.function': 'Role',
  charges: 'Charge',
  'exposure.statutory.minimum_months': 'Statutory minimum',
  'exposure.statutory.maximum_months': 'Statutory maximum',
  'exposure.firearms.consecutive_minimum_months': 'Firearm (924(c)) terms',
  'exposure.safety_valve.eligible': 'Safety valve',
  'exposure.mandatory_minimum_months': 'Mandatory minimum',
  'exposure.guidelines.range_months': 'Guideline range',
  'screen.recommendation': "Report's screen",
  'consequences.immigration.aggravated_felony': 'Aggravated felony (if not a citizen)',
  'consequences.cost.usd': 'Cost of the time expected to be served',
};

/** Columns of a published release's tables (src/publish), as the Data page heads them. */
export const RELEASE_COLUMN_LABELS: Record<string, string> = {
  role: 'Role in the supply chain',
  race_ethnicity: 'Race and ethnicity',
  gender: 'Sex or gender',
  drug: 'Primary drug',
  outcome: 'Outcome',
  n: 'People',
  q1_months: 'First quartile (months)',
  median_months: 'Median term (months)',
  q3_months: 'Third quartile (months)',
  quantile_note: 'Quartiles withheld',
};
export const releaseColumnLabel = (column: string): string =>
  RELEASE_COLUMN_LABELS[column] ?? humanize(column);

/** Why a sentence-length table withholds a row's quartiles (src/publish/terms.ts). */
export const QUANTILE_NOTE_LABELS = {
  count_suppressed: 'Count suppressed',
  few_terms: 'Too few recorded terms',
} as const;

/** Every field path of the case contract (array items as `*`), as a noun phrase. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Case label',
  synthetic: 'Synthetic (generated) case',
  jurisdiction: 'Jurisdiction',
  offense_date: 'Date of the conduct',
  conviction_date: 'Date of conviction',
  sentencing_date: 'Date of sentencing',
  person: 'The person',
  'person.birth_year': 'Year of birth',
  'person.race': 'Race',
  'person.ethnicity': 'Ethnicity',
  'person.gender': 'Gender',
  'person.citizenship': 'Citizenship',
  'person.uses_drugs': 'Uses drugs',
  'person.substance_use_disorder': 'Has a substance use disorder',
  'person.veteran': 'A veteran',
  conduct: 'The conduct',
  'conduct.activities': 'What the person did',
  'conduct.drugs': 'Drugs',
  'conduct.drugs.*.substance': 'Substance',
  'conduct.drugs.*.grams': 'Grams',
  'conduct.drugs.*.basis': 'How the quantity is linked to the person',
  'conduct.drugs.*.purity': 'Purity',
  'conduct.drugs.*.count': 'Count (plants, pills or doses)',
  'conduct.drugs.*.dosage_units': 'Dosage units',
  'conduct.compensation': 'What the person got for it',
  'conduct.profit_share': "Shared in the network's profits",
  'conduct.people_supervised': 'People supervised',
  'conduct.weapon': 'Weapon',
  'conduct.firearm_counts': 'Firearm (924(c)) counts charged',
  'conduct.felon_in_possession_counts': 'Firearm possession by a prohibited person (922(g)) counts charged',
  'conduct.violence': 'Violence',
  'conduct.death_resulted': 'A death resulted',
  'conduct.serious_bodily_injury_resulted': 'Serious bodily injury resulted',
  'conduct.at_overdose_scene': 'At an overdose scene (called for help)',
  'conduct.involved_minors': 'Involved minors',
  'conduct.school_zone': 'In a school zone',
  evidence: 'The evidence',
  'evidence.indicia': 'Evidence the state relies on to say "sale"',
  'evidence.cash_usd': 'Cash found (USD)',
  history: 'Criminal history',
  'history.priors': 'Prior convictions',
  'history.priors.*.date': 'Date of conviction',
  'history.priors.*.kind': 'Kind of offense',
  'history.priors.*.felony': 'A felony',
  'history.priors.*.sentence_months': 'Sentence (months)',
  'history.priors.*.served_months': 'Time served (months)',
  'history.priors.*.release_date': 'Release date',
  'history.priors.*.max_term_months': 'Maximum the law allowed (months)',
  'history.priors.*.still_valid': 'Still valid (not expunged, vacated or reduced)',
  'history.priors.*.section_924c': 'A 924(c) firearm conviction',
  'history.priors.*.acca_predicate': 'Qualifies under the Armed Career Criminal Act as',
  'history.priors.*.occasion': 'Criminal episode (same label: one occasion)',
  'history.priors.*.offense_class': "Class of the conviction under the state's law (e.g. H, B1, A1)",
  'history.criminal_history_points': 'Criminal history points',
  'history.under_sentence_at_offense': 'Under a criminal sentence at the time (probation, parole)',
  cooperation: 'Cooperation',
  'cooperation.truthful_disclosure': 'Told the government everything (safety-valve proffer)',
  'cooperation.substantial_assistance': 'Government motion for substantial assistance',
  'cooperation.accepted_responsibility': 'Accepted responsibility',
  'cooperation.motion_5k1_1': 'Government motion to depart below the guideline range (USSG 5K1.1)',
  'cooperation.motion_3553e': 'Government motion to go below the mandatory minimum (18 U.S.C. 3553(e))',
  adjustments: "The court's guideline findings",
  'adjustments.obstruction': 'Obstruction of justice found (USSG 3C1.1)',
  'adjustments.mitigating_role': 'Mitigating role found (USSG 3B1.2)',
  'cooperation.acceptance_government_motion': 'Government motion for the third acceptance level',
  charging: "The prosecutor's choices",
  'charging.information_851': 'Prior-conviction enhancement filed (21 U.S.C. 851)',
};

/** Which enum a field path holds, for labelling its value. */
export const FIELD_ENUMS: Record<string, EnumName> = {
  'person.race': 'race',
  'person.ethnicity': 'ethnicity',
  'person.gender': 'gender',
  'person.citizenship': 'citizenship',
  'conduct.activities': 'activity',
  'conduct.drugs.*.substance': 'substance',
  'conduct.drugs.*.basis': 'basis',
  'conduct.compensation': 'compensation',
  'conduct.weapon': 'weapon',
  'conduct.violence': 'violence',
  'evidence.indicia': 'indicium',
  'history.priors.*.kind': 'prior_kind',
  'history.priors.*.acca_predicate': 'acca_predicate',
  'adjustments.mitigating_role': 'mitigating_role',
};

const ITEM: Record<string, string> = { 'conduct.drugs': 'Drug', 'history.priors': 'Prior conviction' };

/** "conduct.drugs.0.grams" → "Drug 1: Grams"; "cooperation.truthful_disclosure" → its label. */
export function fieldLabel(path: string): string {
  const m = /^(.+?)\.(\d+)(?:\.(.+))?$/.exec(path);
  if (m) {
    const [, list, index, rest] = m as unknown as [string, string, string, string | undefined];
    const item = `${ITEM[list] ?? fieldLabel(list)} ${Number(index) + 1}`;
    return rest ? `${item}: ${FIELD_LABELS[`${list}.*.${rest}`] ?? humanize(rest)}` : item;
  }
  return FIELD_LABELS[path] ?? humanize(path.split('.').pop() ?? path);
}

/** The value of a field, in words: enum labels, yes/no, numbers and dates as written. */
export function fieldValue(path: string, value: unknown): string {
  const kind = FIELD_ENUMS[path.replace(/\.\d+\./g, '.*.')];
  if (Array.isArray(value)) return value.map((v) => (kind ? enumLabel(kind, v) : String(v))).join('; ');
  if (kind) return enumLabel(kind, value);
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (value === null) return 'Not known';
  return String(value);
}

/** Every fact a case states, in the order of the contract: [field label, value in words]. */
export function caseFacts(c: unknown, prefix = ''): [string, string][] {
  if (c === null || typeof c !== 'object') return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object'))
      v.forEach((x, i) => {
        out.push(...caseFacts(x, `${path}.${i}`));
      });
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...caseFacts(v, path));
    else if (v !== undefined) out.push([fieldLabel(path), fieldValue(path, v)]);
  }
  return out;
}

/** Last resort for an id outside the catalog: "street_level_dealer" → "Street level dealer". */
export function humanize(s: string): string {
  const t = s.replaceAll('_', ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const ID_WORDS: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const kind of Object.keys(ENUM_LABELS) as EnumName[])
    for (const [id, label] of Object.entries(ENUM_LABELS[kind]))
      if (id.includes('_')) m.set(id, label.toLowerCase());
  for (const [path, label] of Object.entries(FIELD_LABELS))
    if (path.includes('.') && !path.includes('*')) m.set(path, `"${label.toLowerCase()}"`);
  return m;
})();
const ID_PATTERN = new RegExp(
  `(?<![\\w.])(${[...ID_WORDS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replaceAll('.', '\\.'))
    .join('|')})(?![\\w])`,
  'g',
);
/**
 * Engine prose that embeds contract ids (role reasons written by the rules, e.g. "The facts also fit
 * user_possession_only"), with each id replaced by its label. A safety net for surfaces until the rules
 * return those facts as data; message templates label their values themselves.
 */
export const labelIds = (text: string): string => text.replace(ID_PATTERN, (id) => ID_WORDS.get(id) ?? id);
