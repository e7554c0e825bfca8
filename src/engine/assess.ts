import type { LawBook } from '../law/book.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
import { render } from '../messages/catalog.ts';
import type { Assessment, Exposure } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import { type Finding, FindingList, finding, type RawFinding } from '../model/finding.ts';
import { assessConsequences } from '../rules/consequences/index.ts';
import type { RuleInput } from '../rules/context.ts';
import { chargeOf } from '../rules/exposure/charge.ts';
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
  let exposure: Exposure;
  let manual: IsoDate | null = null;
  let charges: Assessment['charges'];
  if (c.jurisdiction === FEDERAL) {
    try {
      const fed = federalExposure(ruleInput, role);
      exposure = fed.exposure;
      manual = fed.manual;
      raw.push(...fed.findings);
      charges = [
        {
          statute: fed.charge.statute,
          description: fed.exposure.statutory.offense ?? fed.charge.statute,
          citations: [fed.charge.statute],
        },
      ];
    } catch (e) {
      // A date the law data does not cover is a coded refusal the user sees, never a guess.
      if (!(e instanceof LawGapError)) throw e;
      exposure = unavailableExposure();
      raw.push(finding('law.gap', 'critical', [], { parameter: e.parameter, date: e.date }));
    }
  } else {
    exposure = unavailableExposure('the federal safety valve does not apply to a state case');
    raw.push(finding('exposure.state_engine_not_available', 'info', [], { jurisdiction: c.jurisdiction }));
  }

  const withResults = { ...ruleInput, role, exposure };
  raw.push(...roleExposureMismatch(withResults));
  const screened = applyScreen(withResults, review);
  raw.push(...screened.findings);
  const consequences = assessConsequences(withResults, conductKind(ruleInput));
  raw.push(...consequences.findings);

  return {
    case_id: c.id ?? null,
    jurisdiction: c.jurisdiction,
    dates: {
      offense: dates.offense,
      sentencing: dates.sentencing,
      evaluation: dates.evaluation,
      statute_law: dates.offense,
      guidelines_manual: manual,
      conviction: dates.conviction,
    },
    scenario: options.scenario ?? 'law_in_force',
    stamp: { engine: ENGINE_VERSION, law_data: law.hash },
    role,
    exposure,
    indicia: review.verdicts,
    screen: screened.screen,
    consequences: consequences.consequences,
    findings: renderAll(raw, options.messages !== false),
    ...(charges ? { charges } : {}),
  };
}
