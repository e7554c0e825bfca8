import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { drugInducedHomicide, withDelivery } from '../drug-induced-homicide.ts';
import { enhancingPriors } from '../priors.ts';
import { releaseRule } from '../sentence.ts';
import type { Release, StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
import { type TxOffense, tx12_42, tx481, txCount } from './tx-health-and-safety-481.ts';

const DIH = { statute: 'us_tx.drug_induced_homicide.fentanyl_murder', unit: 'us_tx.pc19_02_b_4' };

/**
 * Gov't Code 508.145 reaches a prison term, not the term of a state jail felony punished as one (Penal Code 12.35):
 * that gets no parole floor. A state jail felony punished as a third-degree one (12.425) is a prison term.
 */
function parole(r: Release, stateJail: boolean): Release {
  if (!stateJail || !r.earliest_release) return r;
  const { earliest_release: _dropped, ...rest } = r;
  return rest;
}

/**
 * Texas has no grid: the degree by penalty group and weight (481.112, 481.115), the drug-free-zone step (481.134),
 * the repeat and habitual rules (12.42, 12.425), and murder by delivery of fentanyl (19.02(b)(4), from 2023-09-01)
 * when a death resulted. Deadly-weapon findings are said, not applied.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_tx', trace);
  const dih = drugInducedHomicide(input, charge, DIH, trace);
  if ((input.case.conduct.weapon ?? 'none') !== 'none')
    trace.add('exposure.state.not_modelled', 'warning', [], {
      rule: 'Texas deadly-weapon finding (parole and community supervision)',
    });
  const seen: { o?: TxOffense; enhancement?: string | null } = {};
  const delivery = (): StateCount => {
    const o = tx481(input, charge, trace);
    const { id, enhancement } = tx12_42(input, o, priors, trace);
    seen.o = o;
    seen.enhancement = enhancement;
    return txCount(input, o, id, trace);
  };
  const counts = withDelivery(dih, delivery, trace);
  const offense = counts[0] as StateCount;
  const drugCount = counts.find((c) => c !== dih);
  return {
    offense: {
      citation: offense === dih ? dih.citation : (seen.o?.section ?? offense.citation),
      description: offense.description,
      conduct: charge.conduct,
      class: offense === dih ? 'F1' : (seen.o?.degree ?? null),
      tier: offense === dih ? null : (seen.o?.ownRow?.split('.').at(-1) ?? null),
    },
    counts,
    enhancements:
      seen.enhancement && drugCount
        ? [{ code: seen.enhancement, citation: drugCount.citation, effect: drugCount.row }]
        : [],
    grid: null,
    release: parole(
      releaseRule(input, 'us_tx', 'tx_parole', trace),
      offense !== dih && seen.o?.degree === 'SJF' && !seen.enhancement,
    ),
  };
}

export const texas: StateEngine = { jurisdiction: 'US-TX', sentence };
