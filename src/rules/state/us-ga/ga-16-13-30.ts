import type { Resolved } from '../../../law/book.ts';
import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type PenaltyRow, type StateCharge, type StateCount, StateRefusal } from '../types.ts';
import { gramsOf, rowFor, weightRows } from '../weights.ts';

const P = 'us_ga.ga16_13_30';

export interface Ga1613_30 {
  count: StateCount;
  /** the repeat-offense row applied (the prior made the penalty) */
  repeat: boolean;
  grams: number;
}

/** The charged drugs 16-13-30 covers; a case with none of them is refused, others are said to be left out. */
export function coveredGrams(input: RuleInput, charge: StateCharge, trace: Trace): number {
  const covered = trace.cite(input.law.statute('state').get<string[]>(`${P}.substances`));
  const left = charge.drugs.filter((d) => !covered.value.includes(d.substance)).map((d) => d.substance);
  const grams = gramsOf(charge.drugs, covered.value);
  if (grams <= 0) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [covered.law], { substances: left });
  return grams;
}

/** A second or subsequent 16-13-30(b) offense needs a prior sale/PWID conviction, and the State's notice. */
function repeatSale(input: RuleInput, priors: readonly Prior[], trace: Trace): boolean {
  const sale = priors.filter((p) => p.felony && p.kind === 'drug_distribution');
  if (!sale.length) return false;
  const notice = trace.cite(
    input.law.statute('state').get<boolean>('us_ga.charging.assume_recidivist_notice'),
  );
  if (!notice.value) return false;
  trace.add('exposure.state.recidivist_notice_assumed', 'warning', [notice.law], { priors: sale.length });
  return true;
}

function count(r: Resolved<PenaltyRow>, row: string, description: string): StateCount {
  return { citation: r.law, description, kind: 'offense', row, penalty: r.value, consecutive: true };
}

/**
 * O.C.G.A. 16-13-30: sale or possession with intent under (b),(d) - 5 to 30 years, a repeat offense life
 * before the 1996 act and 10 to 40 years or life after it; possession under (a),(c) - first or repeat offense
 * before HB 1176, by weight since (offense date decides, the act is not retroactive).
 */
export function ga16_13_30(
  input: RuleInput,
  charge: StateCharge,
  priors: readonly Prior[],
  trace: Trace,
): Ga1613_30 {
  const law = input.law.statute('state');
  const grams = coveredGrams(input, charge, trace);
  if (charge.conduct !== 'possession') {
    const repeat = repeatSale(input, priors, trace);
    const row = repeat ? 'pwid_repeat' : 'pwid_first';
    const r = trace.cite(law.get<PenaltyRow>(`${P}.penalty.${row}`));
    return {
      count: count(
        r,
        row,
        'sale, distribution or possession with intent to distribute a controlled substance',
      ),
      repeat,
      grams,
    };
  }
  const scheme = trace.cite(law.get<'first_or_repeat' | 'weight_tiers'>(`${P}.possession_scheme`));
  if (scheme.value === 'first_or_repeat') {
    const repeat = priors.some((p) => p.kind === 'drug_possession' || p.kind === 'drug_distribution');
    const row = repeat ? 'possession_repeat' : 'possession_first';
    const r = trace.cite(law.get<PenaltyRow>(`${P}.penalty.${row}`));
    return { count: count(r, row, 'possession of a controlled substance'), repeat, grams };
  }
  const view = input.law.atOffense('state');
  const tiers = weightRows(view, `${P}.penalty`).filter((r) => r.value.from_g !== undefined);
  const r = rowFor(view, tiers, grams, trace);
  if (!r) throw new StateRefusal('exposure.state.no_tier', { offense: 'O.C.G.A. 16-13-30(c)', grams });
  const row = r.id.slice(`${P}.penalty.`.length);
  return { count: count(r, row, 'possession of a controlled substance'), repeat: false, grams };
}
