import type { Drug } from '../../model/case.ts';

/** A weight band of a classification table in law/us-xx/: [from_g, to_g), the last band open-ended. */
export interface Band {
  from_g: number;
  to_g?: number;
  /** the penalty row of the band when it has its own range (otherwise the class or degree range applies) */
  penalty_row?: string;
}

/** The band holding the weight, or undefined when no band starts at or below it. */
export function bandFor<B extends Band>(bands: readonly B[], grams: number): B | undefined {
  return bands.find((b) => grams >= b.from_g && (b.to_g === undefined || grams < b.to_g));
}

/** The charged drugs a state's table covers, and those it leaves out (reported, never silently dropped). */
export function splitCovered(
  drugs: readonly Drug[],
  covered: (d: Drug) => boolean,
): { covered: Drug[]; left: string[] } {
  const inside = drugs.filter(covered);
  return { covered: inside, left: drugs.filter((d) => !covered(d)).map((d) => d.substance) };
}

/** Whether any charged drug has no weight: a weight-based degree then cannot be determined. */
export function missingWeight(drugs: readonly Drug[]): boolean {
  return drugs.some((d) => d.grams === undefined);
}
