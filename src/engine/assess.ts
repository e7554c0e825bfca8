import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import { render } from '../messages/catalog.ts';
import type { Assessment, Exposure } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import { finding, type Finding, type RawFinding } from '../model/finding.ts';
import type { RuleInput } from '../rules/context.ts';
import { federalExposure } from '../rules/exposure/index.ts';
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
}

const FEDERAL = 'US-FED';

function stateExposure(): Exposure {
  return {
    statutory: { minimum_months: null, maximum_months: null, citations: [] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: null, reasons: ['the federal safety valve does not apply to a state case'], citations: [] },
    mandatory_minimum_months: null,
    guidelines: null,
  };
}

/** Renders findings once, dropping exact repeats (the same law value read by several rules). */
function renderAll(raw: RawFinding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of raw) {
    const key = `${f.code}|${JSON.stringify(f.values ?? {})}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(render(f));
  }
  return out;
}

/** Assesses one validated case under the law in force for its dates (or the "as of" date). */
export function assess(input: Case, options: AssessOptions): Assessment {
  const law = options.law ?? defaultLawBook();
  const { dates, findings: dateFindings } = chooseDates(input, options.evaluationDate, options.asOf);
  const c = options.asOf ? shiftPriors(input, options.asOf) : input;
  const ruleInput: RuleInput = { case: c, law, dates };
  const raw: RawFinding[] = [...dateFindings];

  const role = null;
  let exposure: Exposure;
  let manual: IsoDate | null = null;
  let charges: Assessment['charges'];
  if (c.jurisdiction === FEDERAL) {
    const fed = federalExposure(ruleInput, role);
    exposure = fed.exposure;
    manual = fed.manual;
    raw.push(...fed.findings);
    charges = [{ statute: fed.charge.statute, description: fed.exposure.statutory.offense ?? fed.charge.statute, citations: [fed.charge.statute] }];
  } else {
    exposure = stateExposure();
    raw.push(finding('exposure.state_engine_not_available', 'info', [], { jurisdiction: c.jurisdiction }));
  }

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
    indicia: [],
    screen: null,
    consequences: null,
    findings: renderAll(raw),
    ...(charges ? { charges } : {}),
  };
}
