import type { IsoDate } from './dates.ts';
import type { Finding } from './finding.ts';
import type { Term } from './terms.ts';

/** The assessment contract (shared spec: CASE.md, "Output: an assessment"). Extensions are marked. */
export const OFFENDER_FUNCTIONS = [
  'importer_high_level_supplier',
  'organizer_leader',
  'grower_manufacturer',
  'wholesaler',
  'manager_supervisor',
  'street_level_dealer',
  'broker',
  'courier',
  'mule',
  'employee_worker',
  'user_possession_only',
  'social_supplier',
] as const;
export type OffenderFunction = (typeof OFFENDER_FUNCTIONS)[number];

export interface RoleResult {
  function: OffenderFunction;
  reasons: string[];
  citations: string[];
  /** extension: the facts that decided the function, and those deliberately not used */
  decided_by?: string[];
  ignored?: string[];
}

export type Strength = 'weak' | 'moderate' | 'strong';
export interface IndiciumVerdict {
  indicium: string;
  strength: Strength;
  reasons: string[];
  citations: string[];
}

export type Recommendation =
  | 'decline'
  | 'treat_as_possession'
  | 'divert'
  | 'prosecute_own_conduct'
  | 'prosecute';
export interface ScreenResult {
  policy: string;
  recommendation: Recommendation;
  rules: { code: string; message: string; citations: string[] }[];
}

export interface Explained {
  reasons: string[];
  citations: string[];
}

export interface Consequences {
  immigration:
    | (Explained & {
        applies: boolean | null;
        aggravated_felony: boolean | null;
        mandatory_detention: boolean | null;
      })
    | null;
  benefits: (Explained & { snap_tanf_ban: boolean | null }) | null;
  good_samaritan: (Explained & { protected: boolean | null }) | null;
  /** the cost of the time expected to be served (see src/rules/consequences/cost.ts and docs/cost.md) */
  cost: {
    usd: number;
    person_years: number;
    rate_usd_per_year: number;
    citations: string[];
    basis?: string;
    fiscal_year?: number;
    /** the months the headline prices: the same as `expected_served_months` */
    months?: number;
    /** months expected to be served (federal: less good conduct time; a state: under its release rule) */
    expected_served_months?: number;
    /** the release rule applied (`us_fed_3624b`, or the state engine's rule) */
    release_rule?: string;
    /** the cost of the whole term the exposure points to, as the report's per-person-year figures price it */
    cost_of_term_imposed?: { usd: number; person_years: number; months: number; basis: string };
  } | null;
  [extension: string]: unknown;
}

export interface StatutoryRange {
  /** null where no engine covers the jurisdiction yet (state cases): see `findings` */
  minimum_months: Term | null;
  maximum_months: Term | null;
  citations: string[];
  /** extension: the offense and penalty row applied, e.g. "21 U.S.C. 841(b)(1)(B)" and "one_prior" */
  offense?: string;
  tier?: string;
  row?: string;
  minimum_days?: number;
}

export interface Guidelines {
  offense_level: number;
  criminal_history_points: number;
  criminal_history_category: string;
  table_range_months: [Term, Term];
  range_months: [Term, Term];
  /** extension: the drug-count range plus consecutive 924(c) terms (USSG 2K2.4) */
  total_range_months?: [Term, Term];
  /**
   * extension: where a court's finding is left open (adjustments.* 'unknown'), the range (with consecutive
   * terms) and offense level with it read the person's way; the fields above are the worst case
   */
  best_case_range_months?: [Term, Term];
  best_case_offense_level?: number;
  /**
   * extension: the converted drug weight (marihuana equivalency before Nov. 2018), grams, where the base
   * offense level was read on it (several substances, or one without its own row; USSG 2D1.1 comment. n.8)
   */
  converted_drug_weight_grams?: number;
  /** extension: each step of the offense-level computation, with its citation */
  steps?: { code: string; levels: number; level_after: number; citation: string }[];
  citations?: string[];
}

export interface Exposure {
  statutory: StatutoryRange;
  firearms: { consecutive_minimum_months: Term; citations: string[]; counts_months?: Term[] };
  safety_valve: { eligible: boolean | null; reasons: string[]; citations: string[] };
  /**
   * extension: 18 U.S.C. 922(g) counts charged with the drug count (present when the case states some): the
   * count's minimum and maximum (924(a)(2)/(a)(8), or 924(e) for an armed career criminal), worst case where a fact
   * is open; `armed_career_criminal` null where a missing fact decides; `occasions` the distinct occasions of the
   * priors that may qualify
   */
  felon_in_possession?: {
    counts: number;
    minimum_months: Term;
    maximum_months: Term;
    armed_career_criminal: boolean | null;
    occasions: number;
    citations: string[];
  };
  mandatory_minimum_months: Term | null;
  guidelines: Guidelines | null;
  /**
   * extension: substantial-assistance motions (present when the case states one). The size of a departure
   * is the court's: only whether the minimum and the range's floor still bind is said (null: not known).
   */
  substantial_assistance?: {
    motion_5k1_1: boolean | null;
    motion_3553e: boolean | null;
    minimum_binds: boolean | null;
    range_floor_binds: boolean | null;
    citations: string[];
  };
  /** extension: what a state engine adds (docs/state-engines.md); absent for federal cases */
  state?: StateExposure;
}

/** extension: one count of a state sentence (the offense of conviction, then consecutive add-ons). */
export interface StateCountResult {
  citation: string;
  description: string;
  kind: 'offense' | 'firearm' | 'school_zone';
  row: string;
  consecutive: boolean;
  /** the bottom of the stated range, before probation or suspension */
  range_months: [Term, Term | null];
  minimum_months: Term;
  mandatory_months: Term;
  /** null: not verified (the minimum then assumes it is not allowed, and says so) */
  probation_allowed: boolean | null;
}

/**
 * extension: a state engine's result. `grid` is the state's scoresheet or grid (Florida's Criminal
 * Punishment Code, North Carolina's structured sentencing, Michigan's guidelines), null where the state has
 * none; `release` the parole or release rule for the sentence; `expected_term` the term the exposure points to
 * and the time expected to be served under the release rule (cost and relief are measured on it).
 */
export interface StateExposure {
  engine: string;
  offense: {
    citation: string;
    description: string;
    conduct: 'possession' | 'distribution' | 'trafficking';
    class: string | null;
    tier: string | null;
  };
  counts: StateCountResult[];
  enhancements: { code: string; citation: string; effect: string }[];
  grid: {
    kind: string;
    /** the lowest term the grid or scoresheet permits (0: a non-prison sentence is permitted) */
    minimum_months: Term | null;
    maximum_months: Term | null;
    /** whether the grid binds the judge (false: advisory, e.g. Michigan since People v. Lockridge, 2015) */
    binding: boolean;
    values: Record<string, unknown>;
    citations: string[];
  } | null;
  release: {
    parole_eligible: boolean | null;
    served_fraction: number | null;
    /** extension: the earliest release the law allows where parole is discretionary (share of the term, cap) */
    earliest_release?: { fraction: number; cap_months: number | null; mandatory_served_in_full: boolean };
    /** extension: what bounds time served from above (`term`, or `statutory_maximum` for an indeterminate one) */
    latest_release?: 'term' | 'statutory_maximum';
    /**
     * extension: a bifurcated sentence (Wisconsin, 973.01(2)): the bounds of its confinement term, which is the time
     * served (the rest of the term is extended supervision)
     */
    confinement?: {
      minimum_months: number;
      maximum_months: number;
      supervision_maximum_months: number;
      supervision_minimum_share: number;
    };
    rule: string;
    citations: string[];
  };
  expected_term: {
    months: Term | null;
    basis: 'mandatory_minimum' | 'grid_minimum';
    /** true when nothing but a minimum is known (no grid): the term is a lower bound */
    lower_bound: boolean;
    served_months: Term | null;
    /** extension: where only bounds are known, [earliest release, latest release] in months */
    served_months_range?: [Term, Term];
  };
  citations: string[];
}

export interface Assessment {
  case_id: string | null;
  jurisdiction: string;
  dates: {
    offense: IsoDate;
    sentencing: IsoDate;
    evaluation: IsoDate;
    statute_law: IsoDate;
    guidelines_manual: IsoDate | null;
    /** extension */
    conviction?: IsoDate;
  };
  scenario: string;
  stamp: { engine: string; law_data: string; [k: string]: unknown };
  role: RoleResult | null;
  exposure: Exposure | null;
  indicia: IndiciumVerdict[];
  screen: ScreenResult | null;
  consequences: Consequences | null;
  findings: Finding[];
  /** extension: the charge the current system would bring */
  charges?: { statute: string; description: string; citations: string[] }[];
  /** extension: the facts that would settle an undetermined answer, as case paths with a question code */
  questions?: Question[];
}

/**
 * A fact the rules needed and the case did not give: the case path to fill, the question's code (rendered
 * by src/messages/questions.ts), and the finding that asked it.
 */
export interface Question {
  path: string;
  code: string;
  finding: string;
}
