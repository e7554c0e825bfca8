import type { Recommendation } from '../../model/assessment.ts';
import type { RuleInput } from '../context.ts';
import type { ChargingPolicy } from '../exposure/charge.ts';

const SCREEN_GOVERNS = 'policy.dpa_2019.screen.governs_charging';

/** How the case is charged: as current practice would, not at all, or under the screen's charging policy. */
export type ChargingDecision =
  | { kind: 'current_practice' }
  | { kind: 'not_charged'; recommendation: Recommendation; citation: string }
  | { kind: 'policy'; policy: ChargingPolicy; citation: string };

/**
 * Whether the report's screen decides the charge (a policy switch, off in the law in force, turned on by a
 * scenario that adopts the screen): decline and divert mean no prosecution; "treat as possession" charges
 * possession; "prosecute own conduct" charges only the person's own quantity; "prosecute" is current practice.
 */
export function chargingDecision(input: RuleInput, recommendation: Recommendation): ChargingDecision {
  const governs = input.law.today('screen').maybe<boolean>(SCREEN_GOVERNS);
  if (!governs?.value) return { kind: 'current_practice' };
  const citation = governs.law;
  switch (recommendation) {
    case 'decline':
    case 'divert':
      return { kind: 'not_charged', recommendation, citation };
    case 'treat_as_possession':
      return { kind: 'policy', policy: 'possession', citation };
    case 'prosecute_own_conduct':
      return { kind: 'policy', policy: 'own_conduct', citation };
    case 'prosecute':
      return { kind: 'current_practice' };
  }
}
