import { defaultLawBook } from '../../src/law/loader.ts';
import { addDays } from '../../src/model/dates.ts';
import { SUBSTANCE_NAMES } from '../../src/rules/exposure/substances.ts';

/** Contract substance whose statutory amount is read directly on a trigger key (mixture, or the actual key). */
function substanceFor(key: string): string | undefined {
  const direct = Object.entries(SUBSTANCE_NAMES).find(
    ([s, n]) => n.statute === key && !n.statuteActual && s !== 'hashish',
  );
  return direct?.[0];
}

export interface ThresholdCase {
  label: string;
  tier: 'A' | 'B';
  date: string;
  amount: number;
  below: number;
  case: Record<string, unknown>;
  belowCase: Record<string, unknown>;
}

const drug = (substance: string, amount: number) =>
  substance === 'marijuana_plants'
    ? { substance, count: amount, basis: 'transacted' }
    : { substance, grams: amount, basis: 'transacted' };

const caseAt = (date: string, substance: string, amount: number) => ({
  jurisdiction: 'US-FED',
  offense_date: date,
  conduct: { activities: ['sold_wholesale'], drugs: [drug(substance, amount)] },
  cooperation: { truthful_disclosure: false, accepted_responsibility: false },
  history: { criminal_history_points: 1 },
});

/** Every numeric 841(b)(1)(A)/(B) trigger of every version, hit at its value and missed just below. */
export function thresholdCases(): ThresholdCase[] {
  const law = defaultLawBook();
  const out: ThresholdCase[] = [];
  for (const [id, p] of law.params) {
    const m = /^us_fed\.usc21_841b\.threshold\.([AB])\.(.+)$/.exec(id);
    if (!m) continue;
    const [, tier, key] = m as unknown as [string, 'A' | 'B', string];
    const substance = substanceFor(key);
    if (!substance) continue;
    for (const v of p.values) {
      if (typeof v.value !== 'number') continue;
      // Judge each version on a date inside it where no later law reaches back (sentenced the same day).
      const date = v.from;
      const below = substance === 'marijuana_plants' ? v.value - 1 : v.value * 0.999;
      out.push({
        label: `${key} ${tier} ${v.value} from ${v.from}`,
        tier,
        date,
        amount: v.value,
        below,
        case: caseAt(date, substance, v.value),
        belowCase: caseAt(date, substance, below),
      });
    }
  }
  return out;
}

/** Every date on which a federal law value changes, with the day before: the temporal sweep visits each. */
export function boundaryDates(): string[] {
  const law = defaultLawBook();
  const dates = new Set<string>();
  for (const [id, p] of law.params) {
    if (!id.startsWith('us_fed.')) continue;
    for (const v of p.values.slice(1)) {
      dates.add(v.from);
      dates.add(addDays(v.from, -1));
    }
  }
  return [...dates].sort();
}
