import type { Resolved } from '../../law/book.ts';
import type { LawView } from '../../law/reader.ts';
import type { Case, Drug } from '../../model/case.ts';
import { dotted } from '../../model/dotted.ts';
import type { Trace } from '../trace.ts';
import { drugPath, SUBSTANCE_NAMES } from './substances.ts';

const CDW = 'us_fed.ussg.cdw';

type Bands = { level: number | null; min: number }[];

export interface QuantityLevel {
  level: number | null;
  /** 'table' for one substance read on its own row, 'converted' for converted drug weight */
  method: 'table' | 'converted';
  /** the amount read on the table (grams of the substance, or grams of converted drug weight) */
  amount: number;
  law: string;
  /** with 'converted': the converted drug weight as reported, grams to the milligram */
  convertedGrams?: number;
}

/** One row of the Drug Quantity Table compiled for search: band minimums ascending, and their levels. */
interface CompiledRow {
  mins: number[];
  levels: (number | null)[];
  /** the row read, then any row it is read on (`same_as`), for citation */
  read: Resolved[];
}

/** The level of the last band whose minimum the amount reaches (bands are contiguous and ascending: law-data tests). */
function bandLevel(row: CompiledRow, amount: number): number | null {
  let lo = 0;
  let hi = row.mins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((row.mins[mid] as number) <= amount) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (row.levels[lo - 1] ?? null);
}

/** A row compiled once per law period; a scenario may read one substance on another's rows (crack on powder). */
function compiledRow(key: string, law: LawView): CompiledRow {
  return law.compiled(dotted('dqt', key), (read) => {
    const rows: Resolved[] = [];
    let r = read<Bands | { same_as: string }>(dotted('us_fed.ussg.dqt', key));
    rows.push(r);
    while (!Array.isArray(r.value)) {
      r = read<Bands | { same_as: string }>(dotted('us_fed.ussg.dqt', r.value.same_as));
      rows.push(r);
    }
    const bands = r.value as Bands;
    return { mins: bands.map((b) => b.min), levels: bands.map((b) => b.level), read: rows };
  });
}

/**
 * Grams of each entry as the Drug Quantity Table reads them, or null where the Manual needs a weight the
 * case does not give. Plants: grams per plant from the Manual (note (E)); before Amendment 516 (Nov. 1,
 * 1995) an offense with 50 or more plants counted each as 1 KG. LSD on a carrier: from Amendment 488
 * (Nov. 1, 1993) each dose counts as 0.4 mg whatever the carrier weighs; before it, the carrier was weighed.
 */
class Weigher {
  private perPlant: number | undefined;
  constructor(
    private readonly drugs: Drug[],
    private readonly law: LawView,
    private readonly trace: Trace,
    /** the case, for the path of a missing amount */
    private readonly kase: Case,
  ) {}

  private plantGrams(): number {
    if (this.perPlant !== undefined) return this.perPlant;
    const { law, trace } = this;
    let perPlant = trace.cite(law.get<number>('us_fed.ussg.marihuana_plant_equivalent_g')).value;
    const large = trace.cite(
      law.get<{ min_plants: number; grams_per_plant: number } | 'none'>(
        'us_fed.ussg.marihuana_plant_large_grow',
      ),
    );
    let plants = 0;
    for (const d of this.drugs) if (d.substance === 'marijuana_plants') plants += d.count ?? 0;
    if (large.value !== 'none' && plants >= large.value.min_plants) {
      perPlant = large.value.grams_per_plant;
      trace.add('guidelines.quantity.plants_large_grow', 'info', [large.law], {
        plants,
        grams_per_plant: perPlant,
      });
    }
    this.perPlant = perPlant;
    return perPlant;
  }

  /** The grams the table weighs for one drug; null when they cannot be known. */
  weigh(d: Drug): number | null {
    if (d.substance === 'marijuana_plants') return (d.count ?? 0) * this.plantGrams();
    if (d.substance !== 'lsd') return d.grams ?? 0;
    const { law, trace } = this;
    const perDose = trace.cite(law.get<number | 'none'>('us_fed.ussg.lsd_grams_per_dose'));
    if (perDose.value !== 'none' && d.dosage_units !== undefined) {
      const grams = d.dosage_units * perDose.value;
      trace.add('guidelines.quantity.lsd_per_dose', 'info', [perDose.law], { doses: d.dosage_units, grams });
      return grams;
    }
    if (d.grams !== undefined) {
      if (perDose.value !== 'none')
        trace.add('guidelines.quantity.lsd_weight_as_given', 'warning', [perDose.law], { grams: d.grams });
      return d.grams;
    }
    trace.add('guidelines.quantity.lsd_carrier_weight_needed', 'critical', [perDose.law], {
      doses: d.dosage_units,
      missing: drugPath(this.kase, d, 'grams'),
    });
    return null;
  }
}

function tableLevel(
  key: string,
  grams: number,
  law: LawView,
  trace: Trace,
): { level: number | null; law: string } {
  const row = compiledRow(key, law);
  for (const r of row.read) trace.cite(r);
  return { level: bandLevel(row, grams), law: (row.read[0] as Resolved).law };
}

/** One substance: its own row; for methamphetamine and PCP the greater of the mixture and actual levels (note B). */
function singleSubstance(drugs: Drug[], weigher: Weigher, law: LawView, trace: Trace): QuantityLevel | null {
  const first = drugs[0];
  if (!first) return null;
  const names = SUBSTANCE_NAMES[first.substance];
  if (!names.table) return null;
  let grams = 0;
  let unweighed = false;
  for (const d of drugs) {
    const g = weigher.weigh(d);
    if (g === null) unweighed = true;
    else grams += g;
  }
  const mixture = tableLevel(names.table, grams, law, trace);
  if (unweighed) return { level: null, method: 'table', amount: grams, law: mixture.law };
  let best: QuantityLevel = { level: mixture.level, method: 'table', amount: grams, law: mixture.law };
  if (names.tableActual && drugs.every((d) => d.purity !== undefined)) {
    const actualGrams = drugs.reduce((s, d) => s + (d.grams ?? 0) * (d.purity ?? 0), 0);
    const actual = tableLevel(names.tableActual, actualGrams, law, trace);
    if (actual.level !== null && (best.level === null || actual.level > best.level)) {
      trace.add('guidelines.quantity.actual_greater', 'info', [actual.law], {
        actual_grams: actualGrams,
        level: actual.level,
      });
      best = { level: actual.level, method: 'table', amount: actualGrams, law: actual.law };
    }
  }
  return best;
}

/** Several substances, or one without its own row: add converted drug weights and read the marihuana rows. */
function convertedWeight(drugs: Drug[], weigher: Weigher, law: LawView, trace: Trace): QuantityLevel {
  let total = 0;
  let unknown = false;
  for (const d of drugs) {
    const names = SUBSTANCE_NAMES[d.substance];
    if (!names.cdw || !law.has(dotted(CDW, names.cdw))) {
      unknown = true;
      trace.add('guidelines.quantity.no_conversion', 'warning', ['USSG 2D1.1 comment. (n.8(D))'], {
        substance: d.substance,
      });
      continue;
    }
    const ratio = trace.cite(law.get<number | null>(dotted(CDW, names.cdw)));
    if (ratio.value === null) {
      unknown = true;
      continue;
    }
    const weight = weigher.weigh(d);
    if (weight === null) {
      unknown = true;
      continue;
    }
    let grams = weight * ratio.value;
    if (names.tableActual && d.purity !== undefined && law.has(dotted(CDW, names.tableActual))) {
      const actualRatio = trace.cite(law.get<number | null>(dotted(CDW, names.tableActual))).value;
      if (actualRatio !== null) grams = Math.max(grams, (d.grams ?? 0) * d.purity * actualRatio);
    }
    if (d.substance === 'oxycodone' || d.substance === 'hydrocodone')
      trace.add('guidelines.quantity.actual_weight_assumed', 'info', ['USSG 2D1.1(c), note (B)'], {
        substance: d.substance,
      });
    total += grams;
  }
  const table = tableLevel('marihuana', total, law, trace);
  let level = unknown ? null : table.level;
  const floorId = 'us_fed.ussg.dqt.converted_minimum_level';
  if (level !== null && law.has(floorId)) {
    const floor = trace.cite(law.get<{ level: number; substances: string[] }>(floorId));
    if (
      level < floor.value.level &&
      drugs.some((d) => floor.value.substances.includes(SUBSTANCE_NAMES[d.substance].cdw ?? ''))
    ) {
      trace.add('guidelines.quantity.minimum_level', 'info', [floor.law], { level: floor.value.level });
      level = floor.value.level;
    }
  }
  const convertedGrams = Math.round(total * 1000) / 1000;
  trace.add('guidelines.quantity.converted_weight', 'info', [table.law], { grams: convertedGrams });
  return { level, method: 'converted', amount: total, law: table.law, convertedGrams };
}

/** USSG 2D1.1(c): the base offense level for the quantity. */
export function drugQuantityLevel(drugs: Drug[], law: LawView, trace: Trace, kase: Case): QuantityLevel {
  const weigher = new Weigher(drugs, law, trace, kase);
  if (drugs.every((d) => d.substance === drugs[0]?.substance)) {
    const single = singleSubstance(drugs, weigher, law, trace);
    if (single) return single;
  }
  return convertedWeight(drugs, weigher, law, trace);
}
