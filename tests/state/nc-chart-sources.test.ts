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

/**
 * Terms courts imposed or printed for one class and prior record level: the minimum, the range it was said to be
 * in (null: not said), and the maximum that followed. A cell filed for that class, level and date must hold the
 * minimum in that range; a cell not filed must still be refused. The maximum checks 15A-1340.17(d), (e) now.
 * `dates`: days in the period of the law the term was imposed under (the offense date where the opinion gives it).
 */
const OBSERVED: {
  source: string;
  dates: string[];
  cls: string;
  level: number;
  range: (typeof RANGES)[number] | null;
  minimum: number;
  maximum: number;
}[] = [
  // failure to appear on 2003-02-19, habitual felon (Class C before 2011-12-01), "within the presumptive range"
  {
    source: 'nc_mcilwaine_2005',
    dates: ['2003-02-19'],
    cls: 'C',
    level: 4,
    range: 'presumptive',
    minimum: 107,
    maximum: 138,
  },
  // first-degree kidnapping, plea of 2004-09-28 (the offense before it), five points: level III before S.L. 2009-555
  {
    source: 'nc_bailey_2009',
    dates: ['2004-09-28'],
    cls: 'C',
    level: 3,
    range: 'presumptive',
    minimum: 93,
    maximum: 121,
  },
  // habitual felon, judgment of 2003-08-26 (the offenses before it), three aggravating factors
  {
    source: 'nc_williams_2005',
    dates: ['2003-08-26'],
    cls: 'C',
    level: 3,
    range: 'aggravated',
    minimum: 145,
    maximum: 183,
  },
  // the law firm's worked example on the 1995 chart (82-103 presumptive at Class D, level III; 82 -> 108)
  {
    source: 'nc_welch_grid',
    dates: ['2005-06-01'],
    cls: 'D',
    level: 3,
    range: 'presumptive',
    minimum: 82,
    maximum: 108,
  },
  {
    source: 'nc_welch_grid',
    dates: ['2005-06-01'],
    cls: 'D',
    level: 3,
    range: 'presumptive',
    minimum: 103,
    maximum: 133,
  },
  // possession of cocaine as a habitual felon (Class I raised four classes to E), file 12 CRS
  {
    source: 'nc_davis_2014',
    dates: ['2012-06-01'],
    cls: 'E',
    level: 5,
    range: 'presumptive',
    minimum: 40,
    maximum: 60,
  },
  // possession of heroin as a habitual felon (Class E), file 16 CRS; the range is not said
  {
    source: 'nc_nelson_2021',
    dates: ['2016-06-01'],
    cls: 'E',
    level: 5,
    range: null,
    minimum: 44,
    maximum: 65,
  },
  // possession of a stolen firearm (Class H), six points; the offense date is not in the retrieved text, but the
  // 17-month maximum is the Justice Reinvestment Act's (the rule before it gives 8): both of its versions agree
  {
    source: 'nc_wilson_pl3',
    dates: ['2011-12-01', '2013-10-01'],
    cls: 'H',
    level: 3,
    range: 'mitigated',
    minimum: 6,
    maximum: 17,
  },
  // Class H felonies (files 15-17 CRS); the range is not said
  {
    source: 'nc_brown_2018',
    dates: ['2016-06-01'],
    cls: 'H',
    level: 3,
    range: null,
    minimum: 10,
    maximum: 21,
  },
];

describe('North Carolina felony punishment chart: terms the courts imposed (15A-1340.17(c)-(e))', () => {
  for (const o of OBSERVED)
    for (const date of o.dates) {
      const where = `${o.source}: Class ${o.cls}, level ${o.level}, ${date}`;
      it(`${where}: ${o.minimum} months gives a ${o.maximum}-month maximum, and the cell agrees or is refused`, () => {
        assert.ok(o.source in law.sources, `${o.source} is in law/us-nc/sources.yaml`);
        assert.equal(maximumFor(ncInput(date), o.cls, o.minimum, new Trace()), o.maximum, where);
        const cell = row(date, o.cls)[o.level - 1] ?? null;
        if (cell) {
          const [lo, hi] = o.range ? cell[o.range] : [cell.mitigated[0], cell.aggravated[1]];
          assert.ok(
            lo <= o.minimum && o.minimum <= hi,
            `${where}: ${o.minimum} in ${o.range ?? 'the cell'} ${lo}-${hi}`,
          );
        } else
          assert.throws(
            () => gridPenalty(ncInput(date), o.cls, [o.level, o.level], new Trace()),
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
