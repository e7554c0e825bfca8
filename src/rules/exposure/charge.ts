import type { Case, Drug } from '../../model/case.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';

export type Offense = 'usc21_841' | 'usc21_844' | 'usc21_846';

interface ActivityClasses {
  possession: string[];
  peripheral: string[];
  distribution: string[];
  facilitation: string[];
}

export interface ChargeResult {
  offense: Offense;
  statute: string;
  /** The drug entries whose quantity the charge carries. */
  drugs: Drug[];
  /** Network quantity charged to the person through conspiracy (846), beyond their own conduct. */
  attributed: boolean;
  trace: Trace;
}

const STATUTE: Record<Offense, string> = {
  usc21_841: '21 U.S.C. 841(a)(1)',
  usc21_844: '21 U.S.C. 844(a)',
  usc21_846: '21 U.S.C. 846',
};

/**
 * The offense follows the conduct under current practice: possession-only activities -> 844; any
 * distribution activity -> 841 with the quantity the person handled; an attributed (network)
 * quantity -> 846 conspiracy carrying that quantity.
 */
/** A charging policy that overrides current practice (the report's screen, when a scenario adopts it). */
export type ChargingPolicy = 'possession' | 'own_conduct';

function hasActivity(acts: readonly string[], group: readonly string[]): boolean {
  for (const a of acts) if (group.includes(a)) return true;
  return false;
}

export function chargeOf(input: RuleInput, policy?: ChargingPolicy): ChargeResult {
  const c: Case = input.case;
  const trace = new Trace();
  const classes = trace.cite(
    input.law.statute('charge').get<ActivityClasses>('us_fed.charging.activity_classes'),
  );
  const acts = c.conduct.activities;
  const distributes = hasActivity(acts, classes.value.distribution);
  const attributed = c.conduct.drugs.some((d) => d.basis === 'attributed');
  const transacted = c.conduct.drugs.some((d) => d.basis === 'transacted');

  let offense: Offense;
  const own = c.conduct.drugs.filter((d) => d.basis !== 'attributed');
  if (policy === 'possession') {
    offense = 'usc21_844';
    trace.add('charge.screen.possession', 'info', [
      'DPA, Rethinking the "Drug Dealer" (2019)',
      '21 U.S.C. 844(a)',
    ]);
    return {
      offense,
      statute: STATUTE[offense],
      drugs: own.length ? own : c.conduct.drugs,
      attributed: false,
      trace,
    };
  }
  if (policy === 'own_conduct' && own.length && (distributes || transacted)) {
    offense = 'usc21_841';
    if (attributed)
      trace.add('charge.screen.own_conduct', 'info', [
        'DPA, Rethinking the "Drug Dealer" (2019)',
        '21 U.S.C. 841(a)(1)',
      ]);
    return { offense, statute: STATUTE[offense], drugs: own, attributed: false, trace };
  }
  if (attributed) {
    offense = 'usc21_846';
    trace.add('charge.conspiracy.network_quantity', 'warning', ['21 U.S.C. 846', 'USSG 1B1.3(a)(1)(B)'], {
      own_conduct: distributes || transacted,
    });
  } else if (distributes || transacted) {
    offense = 'usc21_841';
    trace.add('charge.distribution.own_conduct', 'info', ['21 U.S.C. 841(a)(1)'], {
      activities: acts.filter((a) => classes.value.distribution.includes(a)),
    });
  } else if (hasActivity(acts, classes.value.facilitation)) {
    offense = 'usc21_846';
    trace.add('charge.conspiracy.facilitation', 'warning', ['21 U.S.C. 846', '18 U.S.C. 2'], {
      activities: acts.filter((a) => classes.value.facilitation.includes(a)),
    });
  } else {
    offense = 'usc21_844';
    trace.add('charge.possession_only', 'info', ['21 U.S.C. 844(a)']);
  }
  const drugs =
    offense === 'usc21_846' ? c.conduct.drugs : c.conduct.drugs.filter((d) => d.basis !== 'attributed');
  return { offense, statute: STATUTE[offense], drugs, attributed, trace };
}
