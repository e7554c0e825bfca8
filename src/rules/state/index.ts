/**
 * State sentencing engines: one registry, one output shape (the shared exposure contract plus
 * `exposure.state`, see docs/state-engines.md).
 *
 * How to add a state (US-XX):
 * 1. Law data in law/us-xx/, one file per legal unit (e.g. law/us-xx/16-13-30.yaml), sources in
 *    law/us-xx/sources.yaml. Penalty rows are `us_xx.<unit>.penalty.<row>` with the PenaltyRow shape
 *    (min_months, max_months, mandatory_months, probation), so the catalog's reforms reach them by name.
 *    Every state also files `us_xx.charging.activity_classes`, `us_xx.charging.intent_indicia` (read by
 *    charge.ts) and `us_xx.recidivism.prior_enhancements` (read by priors.ts; no-prior-enhancements turns it off).
 * 2. One rule module per legal unit under src/rules/state/us-xx/ (e.g. ga-16-13-30.ts), each a small pure
 *    function reading the law through `input.law.statute('state')` and recording findings on a Trace.
 * 3. An engine (src/rules/state/us-xx/index.ts) implementing StateEngine: it composes the units into a
 *    StateSentence (counts, enhancements, grid, release) or throws a StateRefusal naming what is missing.
 * 4. Register it in ENGINES below; add a message for every new finding code (src/messages/state.ts), golden
 *    examples under tests/examples/<unit>/, and the state's section in docs/state-engines.md.
 */
import { LawGapError } from '../../law/errors.ts';
import type { Exposure } from '../../model/assessment.ts';
import type { RawFinding } from '../../model/finding.ts';
import type { RuleInput } from '../context.ts';
import type { ChargingPolicy } from '../exposure/charge.ts';
import { Trace } from '../trace.ts';
import { stateCharge } from './charge.ts';
import { stateExposureOf } from './sentence.ts';
import { type StateEngine, StateRefusal } from './types.ts';
import { arizona } from './us-az/index.ts';
import { california } from './us-ca/index.ts';
import { florida } from './us-fl/index.ts';
import { georgia } from './us-ga/index.ts';
import { illinois } from './us-il/index.ts';
import { louisiana } from './us-la/index.ts';
import { michigan } from './us-mi/index.ts';
import { minnesota } from './us-mn/index.ts';
import { northCarolina } from './us-nc/index.ts';
import { newYork } from './us-ny/index.ts';
import { texas } from './us-tx/index.ts';
import { wisconsin } from './us-wi/index.ts';

const ENGINES: ReadonlyMap<string, StateEngine> = new Map(
  [
    georgia,
    florida,
    michigan,
    northCarolina,
    louisiana,
    newYork,
    illinois,
    arizona,
    california,
    texas,
    wisconsin,
    minnesota,
  ].map((e) => [e.jurisdiction, e]),
);

export function hasStateEngine(jurisdiction: string): boolean {
  return ENGINES.has(jurisdiction);
}

/** The jurisdictions (US-XX) that have a state engine, in registry order. */
export function stateEngineJurisdictions(): string[] {
  return [...ENGINES.keys()];
}

export interface StateExposureResult {
  /** null: a coded refusal or a law-data gap (see findings) */
  exposure: Exposure | null;
  charges: { statute: string; description: string; citations: string[] }[];
  kind: 'possession' | 'distribution';
  findings: RawFinding[];
}

/**
 * A state case's exposure under current practice or under a charging policy, or undefined when the state
 * has no engine (the caller then reports `exposure.state_engine_not_available`). A refusal or a date the law
 * data does not cover is a coded finding, never a guess and never a federal rule.
 */
export function stateExposure(input: RuleInput, policy?: ChargingPolicy): StateExposureResult | undefined {
  const engine = ENGINES.get(input.case.jurisdiction);
  if (!engine) return undefined;
  const trace = new Trace();
  let kind: 'possession' | 'distribution' = 'possession';
  try {
    const charge = stateCharge(input, trace, policy);
    kind = charge.conduct === 'possession' ? 'possession' : 'distribution';
    const sentence = engine.sentence(input, charge, trace);
    if (sentence.offense.conduct !== 'possession') kind = 'distribution';
    const exposure = stateExposureOf(engine.jurisdiction, sentence, trace);
    const charges = sentence.counts.map((c) => ({
      statute: c.citation,
      description: c.description,
      citations: [c.citation],
    }));
    return { exposure, charges, kind, findings: trace.findings };
  } catch (e) {
    if (e instanceof StateRefusal) {
      trace.add(e.code, 'critical', [], { jurisdiction: input.case.jurisdiction, ...e.values });
    } else if (e instanceof LawGapError) {
      trace.add('law.gap', 'critical', [], { parameter: e.parameter, date: e.date });
    } else throw e;
    return { exposure: null, charges: [], kind, findings: trace.findings };
  }
}
