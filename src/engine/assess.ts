import type { LawBook } from '../law/book.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
import { CaseLaw } from '../law/reader.ts';
import { render } from '../messages/catalog.ts';
import type { Assessment, Exposure, RoleResult } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import { type Finding, FindingList, finding, type RawFinding } from '../model/finding.ts';
import { assessConsequences } from '../rules/consequences/index.ts';
import type { RuleInput } from '../rules/context.ts';
import { type ChargingPolicy, chargeOf } from '../rules/exposure/charge.ts';
import { federalExposure } from '../rules/exposure/index.ts';
import { reviewIndicia } from '../rules/indicia/review.ts';
import { classifyRole } from '../rules/role/classify.ts';
import { roleExposureMismatch } from '../rules/role/mismatch.ts';
import { chargingDecision } from '../rules/screen/charging-policy.ts';
import { applyScreen } from '../rules/screen/screen.ts';
import { hasStateEngine, stateExposure } from '../rules/state/index.ts';
import { chooseDates, shiftPriors } from './dates.ts';
import type { CaseMemo } from './memo.ts';
import { questionsOf } from './questions.ts';
import { ENGINE_VERSION } from './stamp.ts';

export interface AssessOptions {
  /** The day the assessment is made; surfaces pass today's date, rules never read a clock. */
  evaluationDate: IsoDate;
  /** "What would this get on D": the same conduct committed, convicted and sentenced on D. */
  asOf?: IsoDate;
  law?: LawBook;
  /** The scenario id stamped on the output (a reform id, or law_in_force). */
  scenario?: string;
  /**
   * false: findings keep their codes, values and citations but no rendered message (bulk runs, and every
   * surface that renders later or not at all). Default true.
   */
  messages?: boolean;
  /** Results shared while the same case is assessed under several scenarios (see CaseMemo). */
  memo?: CaseMemo;
  /**
   * 'bulk': the numbers and finding codes bulk outputs need, nothing else (no finding values, citations,
   * questions or prose). The rules are the same in both modes, so every number is equal by construction.
   */
  mode?: 'explained' | 'bulk';
}

const FEDERAL = 'US-FED';

/** No prosecution: no prison exposure at all. */
function notChargedExposure(citation: string): Exposure {
  return {
    statutory: { minimum_months: 0, maximum_months: 0, citations: [citation] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: null, reasons: ['not prosecuted'], citations: [citation] },
    mandatory_minimum_months: 0,
    guidelines: null,
  };
}

/** Exposure that no engine computed (a state case, or a date the law data does not cover). */
function unavailableExposure(reason = 'not computed: see findings'): Exposure {
  return {
    statutory: { minimum_months: null, maximum_months: null, citations: [] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: null, reasons: [reason], citations: [] },
    mandatory_minimum_months: null,
    guidelines: null,
  };
}

/**
 * The rules' findings without exact repeats (the same fact found by two rules), then the law reader's
 * (unique by construction); prose is rendered only when asked. Bulk mode keeps codes and severities only.
 */
function collect(raw: readonly RawFinding[], law: CaseLaw, options: AssessOptions): Finding[] {
  const list = new FindingList<Finding>();
  for (const f of raw) list.add(f as Finding);
  const all = list.items.concat(law.findings);
  if (options.mode === 'bulk')
    return all.map((f) => ({ code: f.code, severity: f.severity, citations: [], message: '' }));
  return options.messages === false ? all : all.map(render);
}

/** Whether the conduct is charged as possession or as distribution under current practice (any jurisdiction). */
function conductKind(input: RuleInput): 'possession' | 'distribution' {
  return chargeOf(input).offense === 'usc21_844' ? 'possession' : 'distribution';
}

interface ExposurePart {
  exposure: Exposure;
  manual: IsoDate | null;
  charges: NonNullable<Assessment['charges']>;
  kind: 'possession' | 'distribution';
  findings: RawFinding[];
}

/** Federal exposure under current practice or under a charging policy; a law-data gap is a coded refusal. */
function federalPart(input: RuleInput, role: RoleResult, policy?: ChargingPolicy): ExposurePart {
  try {
    const fed = federalExposure(input, role, policy);
    const statute = fed.charge.statute;
    return {
      exposure: fed.exposure,
      manual: fed.manual,
      charges: [{ statute, description: fed.exposure.statutory.offense ?? statute, citations: [statute] }],
      kind: fed.charge.offense === 'usc21_844' ? 'possession' : 'distribution',
      findings: fed.findings,
    };
  } catch (e) {
    // A date the law data does not cover is a coded refusal the user sees, never a guess.
    if (!(e instanceof LawGapError)) throw e;
    return {
      exposure: unavailableExposure(),
      manual: null,
      charges: [],
      kind: conductKind(input),
      findings: [finding('law.gap', 'critical', [], { parameter: e.parameter, date: e.date })],
    };
  }
}

/**
 * A state case: the state's engine (src/rules/state/) under current practice or a charging policy; a state
 * without an engine, a coded refusal or a law-data gap keeps the exposure fields empty with the reason.
 */
function statePart(input: RuleInput, policy?: ChargingPolicy): ExposurePart {
  const result = stateExposure(input, policy);
  if (result)
    return {
      exposure:
        result.exposure ?? unavailableExposure('the federal safety valve does not apply to a state case'),
      manual: null,
      charges: result.charges,
      kind: result.kind,
      findings: result.findings,
    };
  const kind = conductKind(input);
  return {
    exposure: unavailableExposure('the federal safety valve does not apply to a state case'),
    manual: null,
    charges: [
      {
        statute: 'not modelled',
        description: `a ${kind} offense under ${input.case.jurisdiction} law (state charging rules are not modelled yet)`,
        citations: [],
      },
    ],
    kind,
    findings: [
      finding('exposure.state_engine_not_available', 'info', [], { jurisdiction: input.case.jurisdiction }),
    ],
  };
}

/** Exposure under current practice or a charging policy, by jurisdiction. */
function exposurePart(input: RuleInput, role: RoleResult, policy?: ChargingPolicy): ExposurePart {
  return input.case.jurisdiction === FEDERAL ? federalPart(input, role, policy) : statePart(input, policy);
}

/** Assesses one validated case under the law in force for its dates (or the "as of" date). */
export function assess(input: Case, options: AssessOptions): Assessment {
  const book = options.law ?? defaultLawBook();
  const { dates, findings: dateFindings } = chooseDates(input, options.evaluationDate, options.asOf);
  const c = options.asOf ? shiftPriors(input, options.asOf) : input;
  const law = new CaseLaw(book, dates);
  const explain = options.mode !== 'bulk';
  const ruleInput: RuleInput = { case: c, law, dates, explain };
  const raw: RawFinding[] = [...dateFindings];
  const memo = options.memo;

  // Role and indicia read the report's framework: shared across scenarios whose law gives the same values.
  const classified = memo
    ? memo.get(`role@${dates.evaluation}`, law, () => classifyRole(ruleInput))
    : classifyRole(ruleInput);
  const role = classified.role;
  raw.push(...classified.findings);
  const review = memo
    ? memo.get(`indicia@${dates.evaluation}@${dates.offense}`, law, () => reviewIndicia(ruleInput))
    : reviewIndicia(ruleInput);
  raw.push(...review.findings);

  let part = exposurePart(ruleInput, role);
  // written out, not spread: spreading the input cost more than the mismatch rule itself (profiled)
  const withResults = { case: c, law, dates, explain, role, exposure: part.exposure };
  const mismatch = roleExposureMismatch(withResults);
  const screened = applyScreen(withResults, review);

  // A scenario that adopts the report's screen lets it decide the charge (off in the law in force).
  const decision =
    c.jurisdiction === FEDERAL || hasStateEngine(c.jurisdiction)
      ? chargingDecision(ruleInput, screened.screen.recommendation)
      : null;
  if (decision?.kind === 'not_charged')
    part = {
      exposure: notChargedExposure(decision.citation),
      manual: null,
      charges: [],
      kind: part.kind,
      findings: [
        finding('exposure.screen.not_charged', 'info', [decision.citation], {
          recommendation: decision.recommendation,
        }),
      ],
    };
  else if (decision?.kind === 'policy') part = exposurePart(ruleInput, role, decision.policy);
  raw.push(...part.findings, ...mismatch, ...screened.findings);
  const consequences = assessConsequences(
    { case: c, law, dates, explain, role, exposure: part.exposure },
    part.kind,
  );
  raw.push(...consequences.findings);
  const findings = collect(raw, law, options);

  return {
    case_id: c.id ?? null,
    jurisdiction: c.jurisdiction,
    dates: {
      offense: dates.offense,
      sentencing: dates.sentencing,
      evaluation: dates.evaluation,
      statute_law: law.statuteLawDate,
      guidelines_manual: part.manual,
      conviction: dates.conviction,
    },
    scenario: options.scenario ?? 'law_in_force',
    stamp: { engine: ENGINE_VERSION, law_data: book.hash },
    role,
    exposure: part.exposure,
    indicia: review.verdicts,
    screen: screened.screen,
    consequences: consequences.consequences,
    findings,
    charges: part.charges,
    ...(options.mode === 'bulk' ? {} : { questions: questionsOf(findings, c) }),
  };
}
