import { OFFENDER_FUNCTIONS, type OffenderFunction } from '../model/assessment.ts';
import { termLabel } from '../model/terms.ts';
import type { Template } from './catalog.ts';

const LABEL: Record<OffenderFunction, string> = {
  importer_high_level_supplier: 'an importer or high-level supplier',
  organizer_leader: 'an organizer or leader',
  grower_manufacturer: 'a grower or manufacturer',
  wholesaler: 'a wholesaler',
  manager_supervisor: 'a manager or supervisor',
  street_level_dealer: 'a street-level dealer',
  broker: 'a broker',
  courier: 'a courier',
  mule: 'a mule',
  employee_worker: 'an employee or worker with a very limited role',
  social_supplier: 'a social supplier (sharing or buying for friends)',
  user_possession_only: 'a person who uses drugs, with possession only',
};

export const functionLabel = (f: unknown): string => LABEL[f as OffenderFunction] ?? String(f);
const term = (t: unknown): string =>
  t === 'life' ? 'life' : typeof t === 'number' ? termLabel(t) : String(t);

const functionMessages = Object.fromEntries(
  OFFENDER_FUNCTIONS.map((f): [string, Template] => [
    `role.function.${f}`,
    (v) =>
      `Role in the supply chain: ${LABEL[f]}, decided by ${String(v.decided_by || 'the activities listed')}.`,
  ]),
);

export const roleMessages: Record<string, Template> = {
  ...functionMessages,
  'role.default_function': (v) =>
    `None of the activities (${String(v.activities)}) is evidence of a supply function, so the person is treated as ${functionLabel(v.function)}.`,
  'role.outranked': (v) =>
    `The facts also fit ${String(v.others)}; the most culpable function, ${functionLabel(v.function)}, is assigned in the order the policy declares.`,
  'role.ignored.attributed_quantity': (v) =>
    `The attributed network quantity of ${String(v.amount)} of ${String(v.substance)} was not used to decide the role: a role follows what the person did.`,
  'role.ignored.own_quantity': (v) =>
    `The ${String(v.amount)} of ${String(v.substance)} the person handled did not raise the role above ${functionLabel(v.function)}: weight shows no role without selling or ownership.`,
  'role.mismatch.mandatory_minimum': (v) =>
    `The role is ${functionLabel(v.function)}, yet the mandatory minimum is ${term(v.minimum_months)}, at or above the ${term(v.threshold_months)} the policy flags for this role: the exposure is far above what the role suggests.`,
};
