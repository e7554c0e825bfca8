import type { Prior } from '../../../model/case.ts';
import { addYears } from '../../../model/dates.ts';
import { termGte } from '../../../model/terms.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { AppliedEnhancement, PenaltyRow } from '../types.ts';

const CLASSES = 'us_il.ucc5_4_5';

/** The class range of 730 ILCS 5/5-4.5 (X, 1, 2, 3, 4). */
export function classRow(input: RuleInput, cls: string, trace: Trace) {
  return trace.cite(input.law.statute('state').get<PenaltyRow>(`${CLASSES}.penalty.class_${cls}`));
}

/**
 * Whether a prior was of the class or higher: the contract carries a prior's statutory maximum
 * (`max_term_months`), so a prior is "Class N or greater" when its maximum reaches Class N's maximum. Undefined
 * when the prior's maximum is not given.
 */
function atLeastClass(input: RuleInput, p: Prior, cls: string, trace: Trace): boolean | undefined {
  if (p.max_term_months === undefined) return undefined;
  const max = classRow(input, cls, trace).value.max_months;
  return max === null ? undefined : termGte(p.max_term_months, max);
}

interface Rule95b {
  applies_to_classes: string[];
  priors_needed: number;
  sentence_as: string;
}

export interface IlRecidivism {
  /** the class the offense is sentenced as (5-4.5-95(b) Class X), or null to keep its own */
  sentenceAs: string | null;
  naturalLife: boolean;
  extended: boolean;
  enhancements: AppliedEnhancement[];
}

/**
 * Illinois recidivism: natural life for a third Class X conviction (5-4.5-95(a)); Class X sentencing of a
 * Class 1 or 2 felony after two prior Class 2-or-greater felonies (5-4.5-95(b)); the extended term after a prior
 * felony of the same or greater class within ten years (5-5-3.2(b)(1)). A prior whose class cannot be told
 * (no maximum given) makes the rule undetermined: said, with the question, and not applied.
 */
export function il95(input: RuleInput, cls: string, priors: readonly Prior[], trace: Trace): IlRecidivism {
  const law = input.law.statute('state');
  const out: IlRecidivism = { sentenceAs: null, naturalLife: false, extended: false, enhancements: [] };
  const felonies = priors.filter((p) => p.felony);
  if (!felonies.length) return out;
  const count = (c: string) => {
    const known = felonies.map((p) => atLeastClass(input, p, c, trace));
    return {
      yes: known.filter((k) => k === true).length,
      unknown: known.filter((k) => k === undefined).length,
    };
  };
  if (cls === 'X') {
    const a = trace.cite(law.get<{ priors_needed: number }>('us_il.ucc5_4_5_95.a'));
    const x = count('X');
    if (x.yes >= a.value.priors_needed) {
      out.naturalLife = true;
      out.enhancements.push({ code: 'il_5_4_5_95_a', citation: a.law, effect: 'natural_life' });
      trace.add('exposure.state.il.habitual_criminal', 'critical', [a.law], { priors: x.yes });
      return out;
    }
    if (x.yes + x.unknown >= a.value.priors_needed)
      trace.add('exposure.state.il.prior_class_unknown', 'warning', [a.law], {
        rule: '5-4.5-95(a)',
        class: 'X',
      });
  }
  const b = trace.cite(law.get<Rule95b>('us_il.ucc5_4_5_95.b'));
  if (b.value.applies_to_classes.includes(cls)) {
    const two = count('2');
    if (two.yes >= b.value.priors_needed) {
      out.sentenceAs = b.value.sentence_as;
      out.enhancements.push({
        code: 'il_5_4_5_95_b',
        citation: b.law,
        effect: `sentenced_as_class_${b.value.sentence_as}`,
      });
      trace.add('exposure.state.il.class_x_repeat', 'critical', [b.law], { priors: two.yes });
    } else if (two.yes + two.unknown >= b.value.priors_needed)
      trace.add('exposure.state.il.prior_class_unknown', 'warning', [b.law], {
        rule: '5-4.5-95(b)',
        class: '2',
      });
  }
  const ext = trace.cite(law.get<{ lookback_years: number }>('us_il.ucc5_5_3_2.b_1'));
  const recent = felonies.filter((p) => addYears(p.date, ext.value.lookback_years) > input.dates.offense);
  const sameClass = recent.map((p) => atLeastClass(input, p, out.sentenceAs ?? cls, trace));
  if (sameClass.includes(true)) {
    out.extended = true;
    out.enhancements.push({ code: 'il_5_5_3_2_b_1', citation: ext.law, effect: 'extended_term_maximum' });
    trace.add('exposure.state.il.extended_term', 'warning', [ext.law]);
  } else if (sameClass.includes(undefined))
    trace.add('exposure.state.il.prior_class_unknown', 'warning', [ext.law], {
      rule: '5-5-3.2(b)(1)',
      class: cls,
    });
  return out;
}
