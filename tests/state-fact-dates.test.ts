import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLawBook } from '../src/law/loader.ts';
import { assessCase } from './helpers/cases.ts';

/** Issue 13 item 11: state criminal law is read at the offense date, and its intervals carry real dates. */
const law = defaultLawBook();
const STATE = /^us_(?!fed\.|states\.)/;

const fentanylDeath = (offense_date: string) => ({
  jurisdiction: 'US-TX',
  offense_date,
  conduct: {
    activities: ['sold_retail'],
    drugs: [{ substance: 'fentanyl', grams: 1, basis: 'transacted' }],
    death_resulted: true,
  },
});

describe('a 2015 Texas case gets no 2023 law', () => {
  it('no fentanyl murder (19.02(b)(4), from 2023-09-01) in the exposure or in the consequences', () => {
    const a = assessCase(fentanylDeath('2015-06-01'));
    const everything = JSON.stringify({ exposure: a.exposure, consequences: a.consequences });
    assert.doesNotMatch(everything, /19\.02\(b\)\(4\)/);
    assert.ok(!a.findings.some((f) => f.code === 'consequences.drug_induced_homicide.exposure'));
    const later = a.findings.find(
      (f) => f.code === 'consequences.drug_induced_homicide.later_law_not_applied',
    );
    assert.equal(later?.values?.from, '2023-09-01');
    const dih = a.consequences?.drug_induced_homicide as { applies: unknown } | undefined;
    assert.equal(dih?.applies, null);
  });
  it('the same death in 2024 is exposed to it', () => {
    const a = assessCase(fentanylDeath('2024-03-01'));
    const f = a.findings.find((x) => x.code === 'consequences.drug_induced_homicide.exposure');
    assert.ok(f?.citations.some((c) => c.includes('19.02(b)(4)')));
  });
});

describe('state fact intervals start on real dates', () => {
  // The dates the knowledge base was compiled or checked on: never the day a law took effect.
  const compiled = new Set([...law.params.values()].map((p) => p.verified_on).filter(Boolean));
  // Still undated (no effective date found yet): each starts at the compilation date, so earlier conduct gets no
  // value (the law under-applies, never over-applies). Remove an entry when its real date is found.
  const KNOWN_UNDATED = new Set([
    'us_de.drug_induced_homicide.drug_dealing_resulting_in_death',
    'us_il.drug_induced_homicide.drug_induced_homicide',
    'us_il.ilcs5_33a.penalty.category_I',
    'us_il.ilcs5_33a.penalty.category_II',
    'us_va.drug_firearm_enhancement',
  ]);

  it('no state interval starts on a compilation date unless it is listed as undated (and the list stays true)', () => {
    const found = new Set<string>();
    for (const [id, p] of law.params) {
      if (!STATE.test(id)) continue;
      for (const v of p.values)
        if (compiled.has(v.from)) {
          found.add(id);
          assert.ok(KNOWN_UNDATED.has(id), `${id} starts on the compilation date ${v.from}`);
          assert.match(
            v.note ?? '',
            /compilation|knowledge[- ]base/i,
            `${id}: the note must say the start is not a real date`,
          );
        }
    }
    for (const id of KNOWN_UNDATED)
      assert.ok(found.has(id), `${id} is dated now: remove it from KNOWN_UNDATED`);
  });

  it('no state interval starts before the signing or approval date its own note gives', () => {
    for (const [id, p] of law.params) {
      if (!STATE.test(id)) continue;
      for (const v of p.values)
        for (const m of (v.note ?? '').matchAll(/\b(?:signed|approved)\b[^0-9]{0,20}(\d{4}-\d{2}-\d{2})/gi))
          assert.ok(v.from >= (m[1] as string), `${id} starts ${v.from}, before it was signed (${m[1]})`);
    }
  });

  it('the dates fixed in this audit', () => {
    const first = (id: string) => law.params.get(id)?.values[0]?.from;
    assert.equal(first('us_pa.drug_induced_homicide.drug_delivery_resulting_in_death'), '2011-08-29');
    assert.equal(first('us_pa.good_samaritan'), '2014-11-29');
    assert.equal(
      first('us_co.drug_induced_homicide.fentanyl_distribution_resulting_in_death_2022'),
      '2022-05-25',
    );
    assert.equal(first('us_ny.good_samaritan'), '2011-07-20');
    assert.equal(first('us_nm.good_samaritan'), '2007-04-03');
  });
});
