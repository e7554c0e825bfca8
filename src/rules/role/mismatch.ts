import { finding, type RawFinding } from '../../model/finding.ts';
import { termGte } from '../../model/terms.ts';
import type { RuleInputWithResults } from '../context.ts';

/**
 * The mismatch the report documents: quantity-driven mandatory minimums that reach people whose role is
 * low-level (a courier or employee/worker facing a ten-year minimum). Thresholds per function are data
 * (policy.dpa_2019.role.mismatch.mandatory_minimum_months); a function absent from the table is never flagged.
 */
export function roleExposureMismatch(input: RuleInputWithResults): RawFinding[] {
  const role = input.role;
  const exposure = input.exposure;
  if (!role || !exposure) return [];
  const minimum = exposure.mandatory_minimum_months;
  if (minimum === null || minimum === undefined) return [];
  const read = input.law.today('role');
  const table = read.get<Partial<Record<string, number>>>(
    'policy.dpa_2019.role.mismatch.mandatory_minimum_months',
  );
  const threshold = table.value?.[role.function];
  if (threshold === undefined || !termGte(minimum, threshold)) return [];
  return [
    finding('role.mismatch.mandatory_minimum', 'warning', [...exposure.statutory.citations, table.law], {
      function: role.function,
      minimum_months: minimum,
      threshold_months: threshold,
    }),
  ];
}
