import type { LawBook } from '../law/book.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import { dotted } from '../model/dotted.ts';
import { SUBSTANCE_NAMES } from '../rules/exposure/substances.ts';

/**
 * Converted drug weight (marihuana equivalency before Nov. 2018), grams, under the Manual the engine
 * applied. Where the engine read the converted-weight rows it gives the weight it read (in bulk mode too,
 * where findings carry no values: the column once fell back to bare ratios there); where it
 * read a substance's own row, the weight is that quantity times the Manual's conversion ratio (USSG 2D1.1
 * comment. n.8(D)), read from the same law data. Null without a Manual, a weight or a ratio.
 */
export function convertedDrugWeight(c: Case, a: Assessment, law: LawBook): number | null {
  const manual = a.dates.guidelines_manual;
  if (!manual || !a.exposure?.guidelines) return null;
  const read = a.exposure.guidelines.converted_drug_weight_grams;
  if (read !== undefined) return read;
  const snap = law.at(manual);
  let total = 0;
  for (const d of c.conduct.drugs) {
    const key = SUBSTANCE_NAMES[d.substance].cdw;
    if (!key || !snap.has(dotted('us_fed.ussg.cdw', key))) return null;
    const ratio = snap.get<number | null>(dotted('us_fed.ussg.cdw', key)).value;
    const grams =
      d.substance === 'marijuana_plants'
        ? (d.count ?? 0) * snap.get<number>('us_fed.ussg.marihuana_plant_equivalent_g').value
        : d.grams;
    if (ratio === null || grams === undefined) return null;
    total += grams * ratio;
  }
  return Math.round(total * 1000) / 1000;
}
