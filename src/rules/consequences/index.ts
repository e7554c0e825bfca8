import type { Consequences } from '../../model/assessment.ts';
import type { RawFinding } from '../../model/finding.ts';
import type { RuleInputWithResults } from '../context.ts';
import { benefits } from './benefits.ts';
import { type Charge, Collector } from './common.ts';
import { cost } from './cost.ts';
import { drugInducedHomicide } from './drug-induced-homicide.ts';
import { goodSamaritan } from './good-samaritan.ts';
import { immigration } from './immigration.ts';
import { violentLabel } from './violent-label.ts';

export type { Charge } from './common.ts';

/**
 * The consequences of a conviction on `charge`: immigration, benefits, Good Samaritan protection, violent label,
 * drug-induced homicide exposure and cost. Consequences read the law in force on the evaluation date.
 */
export function assessConsequences(
  input: RuleInputWithResults,
  charge: Charge,
): { consequences: Consequences; findings: RawFinding[] } {
  const col = new Collector(input);
  col.add('consequences.evaluation_date', 'info', [], { date: input.dates.evaluation, charge });
  const consequences: Consequences = {
    immigration: immigration(col, charge),
    benefits: benefits(col, charge),
    good_samaritan: goodSamaritan(col, charge),
    cost: cost(col),
    violent_label: violentLabel(col, charge),
    drug_induced_homicide: drugInducedHomicide(col, charge),
  };
  return { consequences, findings: col.findings };
}
