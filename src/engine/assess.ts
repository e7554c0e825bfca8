import type { LawBook } from '../law/book.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
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
import { applyScreen } from '../rules/screen/screen.ts';
import { chooseDates, shiftPriors } from './dates.ts';
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
   * false: findings keep their codes, values and citations but no rendered message (bulk runs that only
   * need the numbers and codes). Default true.
   */
  messages?: boolean;
}

const FEDERAL = 'US-FED';

const SCREEN_GOVERNS = 'policy.dpa_2019.screen.governs_charging';

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

/** Renders findings once, dropping exact repeats (the same law value read by several rules). */
function renderAll(raw: RawFinding[], messages: boolean): Finding[] {
  const list = new FindingList();
  for (const f of raw) list.add(f);
  return list.items.map((f) => (messages ? render(f) : { ...f, message: '' }));
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

/** Assesses one validated case under the law in force for its dates (or the "as of" date). */
export function assess(input: Case, options: AssessOptions): Assessment {
  const law = options.law ?? defaultLawBook();
  const { dates, findings: dateFindings } = chooseDates(input, options.evaluationDate, options.asOf);
  const c = options.asOf ? shiftPriors(input, options.asOf) : input;
  const ruleInput: RuleInput = { case: c, law, dates };
  const raw: RawFinding[] = [...dateFindings];

  const classified = classifyRole(ruleInput);
  const role = classified.role;
  raw.push(...classified.findings);
  const review = reviewIndicia(ruleInput);
  raw.push(...review.findings);

  const federal = c.jurisdiction === FEDERAL;
  let part: ExposurePart = federal
    ? federalPart(ruleInput, role)
    : {
        exposure: unavailableExposure('the federal safety valve does not apply to a state case'),
        manual: null,
        charges: [
          {
            statute: 'not modelled',
            description: `a ${conductKind(ruleInput)} offense under ${c.jurisdiction} law (state charging rules are not modelled yet)`,
            citations: [],
          },
        ],
        kind: conductKind(ruleInput),
        findings: [
          finding('exposure.state_engine_not_available', 'info', [], { jurisdiction: c.jurisdiction }),
        ],
      };
  const mismatch = roleExposureMismatch({ ...ruleInput, role, exposure: part.exposure });
  const screened = applyScreen({ ...ruleInput, role, exposure: part.exposure }, review);

  // A scenario that adopts the report's screen lets it decide the charge (off in the law in force).
  const today = law.at(dates.evaluation);
  if (federal && today.has(SCREEN_GOVERNS) && today.get<boolean>(SCREEN_GOVERNS).value) {
    const rec = screened.screen.recommendation;
    const cite = today.get(SCREEN_GOVERNS).law;
    if (rec === 'decline' || rec === 'divert')
      part = {
        exposure: notChargedExposure(cite),
        manual: null,
        charges: [],
        kind: conductKind(ruleInput),
        findings: [finding('exposure.screen.not_charged', 'info', [cite], { recommendation: rec })],
      };
    else if (rec === 'treat_as_possession') part = federalPart(ruleInput, role, 'possession');
    else if (rec === 'prosecute_own_conduct') part = federalPart(ruleInput, role, 'own_conduct');
  }
  raw.push(...part.findings, ...mismatch, ...screened.findings);
  const consequences = assessConsequences({ ...ruleInput, role, exposure: part.exposure }, part.kind);
  raw.push(...consequences.findings);

  return {
    case_id: c.id ?? null,
    jurisdiction: c.jurisdiction,
    dates: {
      offense: dates.offense,
      sentencing: dates.sentencing,
      evaluation: dates.evaluation,
      statute_law: dates.offense,
      guidelines_manual: part.manual,
      conviction: dates.conviction,
    },
    scenario: options.scenario ?? 'law_in_force',
    stamp: { engine: ENGINE_VERSION, law_data: law.hash },
    role,
    exposure: part.exposure,
    indicia: review.verdicts,
    screen: screened.screen,
    consequences: consequences.consequences,
    findings: renderAll(raw, options.messages !== false),
    charges: part.charges,
  };
}
