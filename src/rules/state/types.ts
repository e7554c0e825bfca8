import type { Exposure, StateExposure } from '../../model/assessment.ts';
import type { Drug } from '../../model/case.ts';
import type { Term } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { ChargingPolicy } from '../exposure/charge.ts';
import type { Trace } from '../trace.ts';

/** What the conduct is charged as under the state's current practice (or a charging policy). */
export type StateConduct = 'possession' | 'distribution' | 'trafficking';

/**
 * One penalty row of a state statute, as filed in law/us-xx/ under `us_xx.<unit>.penalty.<row>`. Every state
 * row has this shape, so a reform patches all states by name (law/scenarios/no-mandatory-minimums.yaml merges
 * `{mandatory_months: 0, probation: true}` into every `*.*.penalty.*` value that has those fields).
 */
export interface PenaltyRow {
  /** bottom of the range the statute states (before probation or suspension) */
  min_months: Term;
  /** null: the maximum is not verified (the bound is then undetermined, never guessed) */
  max_months: Term | null;
  /** the prison term that may not be suspended, probated or deferred; 0 if none */
  mandatory_months: Term;
  /** whether the court may probate or suspend the whole term; null: not verified (worst case used, and said) */
  probation: boolean | null;
  /** the longest term of years where the maximum is "a term of years or life" */
  max_term_of_years_months?: number;
  fine_usd?: number | null;
}

/** A penalty row with the weight band it covers (trafficking tiers), `to_g` exclusive. */
export interface WeightRow extends PenaltyRow {
  drug: string;
  from_g: number;
  to_g?: number;
}

/** One count of the sentence: the offense of conviction first, then consecutive add-ons. */
export interface StateCount {
  citation: string;
  description: string;
  kind: 'offense' | 'firearm' | 'school_zone';
  row: string;
  penalty: PenaltyRow;
  consecutive: boolean;
}

/** A named rule that changed the sentence (a recidivist statute, a reclassification). */
export interface AppliedEnhancement {
  code: string;
  citation: string;
  effect: string;
}

/** Parole or release eligibility under the state's rules for this sentence. */
export interface Release {
  parole_eligible: boolean | null;
  /** the share of the term that must be served at least (e.g. Florida's 85%); null: not in the knowledge base */
  served_fraction: number | null;
  /** where the share served is not fixed (discretionary parole): the earliest release the law allows */
  earliest_release?: EarliestRelease;
  /** what bounds time served from above: the term (the default) or, for an indeterminate sentence, the maximum */
  latest_release?: 'term' | 'statutory_maximum';
  /** a bifurcated sentence (Wisconsin, 973.01(2)): time in prison is its confinement term, within these bounds */
  confinement?: Confinement;
  rule: string;
  citations: string[];
}

/**
 * The bounds the law sets on the confinement part of a bifurcated sentence (confinement in prison, then extended
 * supervision, the two adding up to the term): served in full, so the time in prison is bounded by them.
 */
export interface Confinement {
  minimum_months: number;
  maximum_months: number;
  supervision_maximum_months: number;
  /** extended supervision is at least this share of the confinement term */
  supervision_minimum_share: number;
}

/** The earliest release (parole eligibility) as a share of the term, capped where the law caps it. */
export interface EarliestRelease {
  fraction: number;
  /** e.g. Texas 508.145(f): one-fourth or 15 years, whichever is less; null: no cap */
  cap_months: number | null;
  /**
   * whether the term the law makes the court impose is served before parole (a drug minimum without benefit of
   * parole) or is only the bottom of the range the eligibility share applies to (Texas)
   */
  mandatory_served_in_full: boolean;
}

/** What a state engine decides for one case; the framework turns it into the shared output contract. */
export interface StateSentence {
  offense: {
    citation: string;
    description: string;
    conduct: StateConduct;
    class: string | null;
    tier: string | null;
  };
  counts: StateCount[];
  enhancements: AppliedEnhancement[];
  /** a grid or scoresheet result, when the state has one */
  grid: StateExposure['grid'];
  release: Release;
  /** where a grid sets the statutory range itself (N.C. structured sentencing), its citations join the range's */
  rangeCitations?: string[];
  /** the lowest mandatory term if every discretionary mitigation applied (e.g. a judge's departure power) */
  bestCaseMandatory?: Term;
}

/** The drugs the charge carries and how the conduct is charged. */
export interface StateCharge {
  conduct: StateConduct;
  drugs: Drug[];
  policy?: ChargingPolicy;
}

/** A coded refusal: the engine does not cover this case, and says which piece is missing. */
export class StateRefusal extends Error {
  constructor(
    readonly code: string,
    readonly values: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'StateRefusal';
  }
}

/**
 * A state sentencing engine: one per jurisdiction, composed of one module per state legal unit. It reads the
 * law only through `input.law` (cited and dated), records its findings on `trace`, and either returns the
 * sentence or throws a StateRefusal naming what it does not cover.
 */
export interface StateEngine {
  /** 'US-GA' */
  jurisdiction: string;
  sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence;
}

export type { Exposure };
