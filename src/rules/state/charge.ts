import { jurisdictionKey } from '../../law/jurisdiction.ts';
import { dotted } from '../../model/dotted.ts';
import type { RuleInput } from '../context.ts';
import type { ChargingPolicy } from '../exposure/charge.ts';
import type { Trace } from '../trace.ts';
import type { StateCharge } from './types.ts';

interface ActivityClasses {
  possession: string[];
  distribution: string[];
}
/** The evidence on which the state's current practice charges possession as possession with intent. */
interface IntentPractice {
  indicia: string[];
}

/**
 * How the state's current practice charges the conduct, before weight decides trafficking (each engine
 * does that, from its own weight tables): an act of distribution, a transacted quantity, or possession
 * with the evidence the practice reads as intent to sell -> distribution; otherwise possession. The
 * network (attributed) quantity is not charged: state conspiracy rules are not modelled, and that is said.
 */
export function stateCharge(input: RuleInput, trace: Trace, policy?: ChargingPolicy): StateCharge {
  const c = input.case;
  const p = jurisdictionKey(c.jurisdiction);
  const law = input.law.statute('charge');
  const own = c.conduct.drugs.filter((d) => d.basis !== 'attributed');
  if (own.length < c.conduct.drugs.length)
    trace.add('charge.state.attributed_quantity_not_charged', 'warning', [], {
      jurisdiction: c.jurisdiction,
    });
  const drugs = own.length ? own : c.conduct.drugs;
  if (policy === 'possession') {
    trace.add('charge.screen.possession', 'info', ['DPA, Rethinking the "Drug Dealer" (2019)']);
    return { conduct: 'possession', drugs, policy };
  }
  const classes = trace.cite(law.get<ActivityClasses>(dotted(dotted(p, 'charging'), 'activity_classes')));
  const acts = c.conduct.activities.filter((a) => classes.value.distribution.includes(a));
  if (acts.length || drugs.some((d) => d.basis === 'transacted')) {
    trace.add('charge.state.distribution', 'info', [classes.law], { activities: acts });
    return { conduct: 'distribution', drugs, ...(policy ? { policy } : {}) };
  }
  const practice = trace.cite(law.get<IntentPractice>(dotted(dotted(p, 'charging'), 'intent_indicia')));
  const shown = (c.evidence?.indicia ?? []).filter((i) => practice.value.indicia.includes(i));
  if (shown.length) {
    trace.add('charge.state.intent_from_indicia', 'warning', [practice.law], { indicia: shown });
    return { conduct: 'distribution', drugs, ...(policy ? { policy } : {}) };
  }
  trace.add('charge.state.possession', 'info', [classes.law]);
  return { conduct: 'possession', drugs, ...(policy ? { policy } : {}) };
}
