import type { Case, Drug } from '../model/case.ts';

/** Drugs the person possessed or transacted themselves (never the attributed network quantity). */
export function ownDrugs(c: Case): Drug[] {
  return c.conduct.drugs.filter((d) => d.basis !== 'attributed');
}

/** The network quantity attributed to the person (conspiracy, relevant conduct), beyond their own conduct. */
export function attributedDrugs(c: Case): Drug[] {
  return c.conduct.drugs.filter((d) => d.basis === 'attributed');
}

/** Total grams of the drugs possessed or transacted (not the attributed network quantity); null when a drug has no weight. */
export function ownGrams(c: Case): number | null {
  let total = 0;
  for (const d of ownDrugs(c)) {
    if (d.grams === undefined) return null;
    total += d.grams;
  }
  return total;
}
