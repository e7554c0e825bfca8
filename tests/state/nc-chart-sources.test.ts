import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLawBook } from '../../src/law/loader.ts';
import { StateRefusal } from '../../src/rules/state/types.ts';
import { type Cell, gridPenalty, maximumFor } from '../../src/rules/state/us-nc/nc-15a-1340.ts';
import { Trace } from '../../src/rules/trace.ts';
import { inputOf, makeCase } from '../rules/helpers.ts';

const law = defaultLawBook();
const CLASSES = ['C', 'D', 'E', 'F', 'G', 'H', 'I'] as const; // most to least serious
const RANGES = ['mitigated', 'presumptive', 'aggravated'] as const;
const rowId = (cls: string) => `us_nc.nc15a_1340_17.chart.class_${cls}`;
const ncInput = (date: string) => inputOf(makeCase({ jurisdiction: 'US-NC', offense_date: date }));
const row = (date: string, cls: string) => law.at(date).get<(Cell | null)[]>(rowId(cls)).value;
/** The first day of every version of the chart (every class row changes on the same dates). */
const chartDates = () => (law.params.get(rowId('C'))?.values ?? []).map((v) => v.from);

type Range = (typeof RANGES)[number];
/**
 * Terms courts imposed or printed for one class and prior record level: the minimum, the range it was said to be
 * in (null: not said; 'bottom' after it: said to be the bottom of that range), and the maximum that followed. A
 * cell filed for that class, level and date must hold the minimum in that range; a cell not filed must still be
 * refused. The maximum checks 15A-1340.17(d), (e) now. Dates: days in the period of the law the term was imposed
 * under (the offense date where the opinion gives it).
 */
const OBSERVED: [string, string[], string, number, Range | null, number, number, 'bottom'?][] = [
  // a Class E assault at level I, judgment of 1998-08-05, "in the aggravated range"
  ['nc_bright_1999', ['1998-08-05'], 'E', 1, 'aggravated', 31, 47],
  // involuntary manslaughter as a habitual felon (Class C before 2011-12-01), file 02 CRS, eleven points, "within
  // the presumptive range"
  ['nc_ragland_2004', ['2002-06-01'], 'C', 4, 'presumptive', 133, 169],
  // failure to appear on 2003-02-19 as a habitual felon, "within the presumptive range"
  ['nc_mcilwaine_2005', ['2003-02-19'], 'C', 4, 'presumptive', 107, 138],
  // first-degree kidnapping, plea of 2004-09-28 (the offense before it), five points: level III before S.L. 2009-555
  ['nc_bailey_2009', ['2004-09-28'], 'C', 3, 'presumptive', 93, 121],
  // habitual felon, judgment of 2003-08-26 (the offenses before it), three aggravating factors
  ['nc_williams_2005', ['2003-08-26'], 'C', 3, 'aggravated', 145, 183],
  // breaking or entering and larceny, file 03 CRS, nine points (level IV before S.L. 2009-555); range not said
  ['nc_williams_2005b', ['2003-06-01'], 'H', 4, null, 9, 11],
  // voluntary manslaughter of 2008 (the State's notice of 2008-07-09 followed it), "in the aggravated range"
  ['nc_rico_2012', ['2008-07-09'], 'D', 2, 'aggravated', 84, 110],
  // nine points made level IV only before S.L. 2009-555, and an 11-month maximum follows 9 only before the JRA:
  // the 1995 chart (its Class H row is the 2009 one); "the presumptive range of 9-11 months" reads as that term
  ['nc_armstrong_2012', ['2009-06-01'], 'H', 4, 'presumptive', 9, 11],
  // the law firm's worked example on the 1995 chart: 82-103 presumptive at Class D, level III (82 -> 108)
  ['nc_welch_grid', ['2005-06-01'], 'D', 3, 'presumptive', 82, 108, 'bottom'],
  ['nc_welch_grid', ['2005-06-01'], 'D', 3, 'presumptive', 103, 133],
  // possession of cocaine as a habitual felon (Class I raised four classes to E), file 12 CRS
  ['nc_davis_2014', ['2012-06-01'], 'E', 5, 'presumptive', 40, 60],
  // possession of heroin as a habitual felon (Class E), file 16 CRS; the range is not said
  ['nc_nelson_2021', ['2016-06-01'], 'E', 5, null, 44, 65],
  // possession of a firearm by a felon (Class G) as a habitual felon after 2011-12-01 is Class C, the most serious
  // of the consolidated offenses (file 16 CRS); 19 points: "87-117 months bottom mitigated"
  ['nc_green_2019', ['2016-06-01'], 'C', 6, 'mitigated', 87, 117, 'bottom'],
  // possession of a stolen firearm (Class H), six points; the offense date is not in the retrieved text, but the
  // 17-month maximum is the Justice Reinvestment Act's (the rule before it gives 8): both of its versions agree
  ['nc_wilson_pl3', ['2011-12-01', '2013-10-01'], 'H', 3, 'mitigated', 6, 17],
  // Class H felonies (files 15-17 CRS); the range is not said
  ['nc_brown_2018', ['2016-06-01'], 'H', 3, null, 10, 21],
];

describe('North Carolina felony punishment chart: terms the courts imposed (15A-1340.17(c)-(e))', () => {
  for (const [source, dates, cls, level, range, minimum, maximum, bottom] of OBSERVED)
    for (const date of dates) {
      const where = `${source}: Class ${cls}, level ${level}, ${date}`;
      it(`${where}: ${minimum} months gives a ${maximum}-month maximum, and the cell agrees or is refused`, () => {
        assert.ok(source in law.sources, `${source} is in law/us-nc/sources.yaml`);
        assert.equal(maximumFor(ncInput(date), cls, minimum, new Trace()), maximum, where);
        const cell = row(date, cls)[level - 1] ?? null;
        if (cell) {
          const [lo, hi] = range ? cell[range] : [cell.mitigated[0], cell.aggravated[1]];
          assert.ok(
            lo <= minimum && minimum <= hi,
            `${where}: ${minimum} in ${range ?? 'the cell'} ${lo}-${hi}`,
          );
          if (bottom) assert.equal(lo, minimum, `${where}: the bottom of the ${range} range`);
        } else
          assert.throws(
            () => gridPenalty(ncInput(date), cls, [level, level], new Trace()),
            (e: unknown) =>
              e instanceof StateRefusal && e.code === 'exposure.state.nc.grid_cell_not_verified',
            `${where}: a cell not filed is refused`,
          );
      });
    }
});

describe('North Carolina felony punishment chart: invariants of every filed cell, every version', () => {
  const dispositions = /^(C\/I\/A|C\/I|I\/A|C|I|A)$/;
  it('each range is ordered and the three ranges of a cell abut (mitigated, presumptive, aggravated)', () => {
    for (const date of chartDates())
      for (const cls of CLASSES)
        row(date, cls).forEach((cell, i) => {
          if (!cell) return;
          const where = `${date} Class ${cls} level ${i + 1}`;
          assert.match(cell.dispositions, dispositions, where);
          for (const r of RANGES) assert.ok(cell[r][0] <= cell[r][1], `${where} ${r}`);
          assert.equal(
            cell.mitigated[1],
            cell.presumptive[0],
            `${where}: mitigated top is presumptive bottom`,
          );
          assert.equal(
            cell.presumptive[1],
            cell.aggravated[0],
            `${where}: presumptive top is aggravated bottom`,
          );
        });
  });

  it('no bound falls as the prior record level rises, or as the class becomes more serious', () => {
    const notBelow = (hi: Cell, lo: Cell, where: string) => {
      for (const r of RANGES)
        for (const k of [0, 1]) assert.ok((hi[r][k] ?? 0) >= (lo[r][k] ?? 0), `${where}: ${r}[${k}]`);
    };
    for (const date of chartDates()) {
      for (const cls of CLASSES) {
        const cells = row(date, cls);
        for (let i = 1; i < cells.length; i++) {
          const [a, b] = [cells[i - 1], cells[i]];
          if (a && b) notBelow(b, a, `${date} Class ${cls} level ${i + 1} vs ${i}`);
        }
      }
      for (let c = 1; c < CLASSES.length; c++) {
        const [more, less] = [row(date, CLASSES[c - 1] as string), row(date, CLASSES[c] as string)];
        for (let i = 0; i < 6; i++) {
          const [m, l] = [more[i], less[i]];
          if (m && l) notBelow(m, l, `${date} level ${i + 1}: Class ${CLASSES[c - 1]} vs ${CLASSES[c]}`);
        }
      }
    }
  });

  it('S.L. 2009-556 kept level I of every class and the Class H and I rows (nc_sog_grid_2009)', () => {
    const [before, after] = ['2009-11-30', '2009-12-01'];
    for (const cls of CLASSES) {
      const [a, b] = [row(before, cls), row(after, cls)];
      for (let i = 0; i < 6; i++) {
        if (i > 0 && cls !== 'H' && cls !== 'I') continue;
        if (a[i] && b[i]) assert.deepEqual(a[i], b[i], `Class ${cls} level ${i + 1}`);
      }
    }
    // and it did change the rest: the law firm's Class D level III presumptive range (82-103) is not the new one
    assert.notDeepEqual(row(after, 'D')[2]?.presumptive, [82, 103]);
  });
});
