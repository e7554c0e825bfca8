import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usscRowToCase } from '../../src/batch/ussc.ts';
import { codebook, codeKey, fiscalYear, inYears } from '../../src/batch/ussc-codebook.ts';
import { CITIZENSHIPS, ETHNICITIES, GENDERS, RACES, SUBSTANCES } from '../../src/model/case.ts';

/**
 * The importer read against the Commission's FY1999-FY2016 codebook (../shared/reference/
 * ussc-codebook-fy99-fy16.txt). Rows are written by the project in the Commission's layout, with the
 * codes as a pandas export writes them (`6.0`); no real person.
 */
const BASE: Record<string, string> = {
  USSCIDN: 't1',
  SENTYR: '2019',
  SENTMON: '11',
  AGE: '30.0',
  MONRACE: '1.0',
  HISPORIG: '1.0',
  MONSEX: '0.0',
  CITIZEN: '1.0',
  COMBDRG2: '1.0',
  WGT1: '600.0',
  MWGT1: '120000.0',
  TOTCHPTS: '0.0',
  DRUGMIN: '60',
};
const read = (over: Record<string, string>) => usscRowToCase({ ...BASE, ...over });
function ok(over: Record<string, string>) {
  const r = read(over);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
function problems(over: Record<string, string>) {
  const r = read(over);
  assert.ok(!r.ok, 'expected the record to be rejected');
  return r.problems;
}

describe('USSC codebook: codes and their years', () => {
  it('compares codes as numbers: "6.0", " 6" and "6" are code 6; "6.5" is not a code', () => {
    assert.equal(codeKey('6.0'), '6');
    assert.equal(codeKey(' 6 '), '6');
    assert.equal(codeKey('-3.0'), '-3');
    assert.equal(codeKey('.'), undefined);
    assert.deepEqual(codeKey('6.5'), { bad: '6.5' });
    assert.equal(ok({ MONRACE: '2.0', MONSEX: '1' }).case.person?.race, 'black');
  });

  it('fiscal years run October to September; code years are half-open', () => {
    assert.equal(fiscalYear('2019-10-01'), 2020);
    assert.equal(fiscalYear('2019-09-30'), 2019);
    assert.ok(inYears({ until_fy: 2004 }, 2003));
    assert.ok(!inYears({ until_fy: 2004 }, 2004));
    assert.ok(inYears({ from_fy: 2005 }, 2005));
  });

  it('MONRACE 8 (no information), 9 and 10 (American Indian codes) are read; 8 is refused before FY2007 and 9 before FY2009', () => {
    assert.equal(ok({ MONRACE: '8.0' }).case.person?.race, 'unknown');
    assert.equal(ok({ MONRACE: '9.0' }).case.person?.race, 'american_indian_alaska_native');
    assert.equal(ok({ MONRACE: '10.0' }).case.person?.race, 'american_indian_alaska_native');
    const early = problems({ MONRACE: '8', SENTYR: '2006', SENTMON: '3' });
    assert.equal(early[0]?.column, 'MONRACE');
    assert.match(early[0]?.message ?? '', /FY2007 on.*FY2006/);
    assert.equal(problems({ MONRACE: '9', SENTYR: '2008', SENTMON: '6' })[0]?.column, 'MONRACE');
    assert.match(problems({ MONRACE: '6' })[0]?.message ?? '', /unknown code "6"/);
  });

  it('HISPORIG 0 (not available) is unknown ethnicity; without HISPORIG, NEWRACE 3 is Hispanic (noted)', () => {
    assert.equal(ok({ HISPORIG: '0.0' }).case.person?.ethnicity, 'unknown');
    const n = ok({ HISPORIG: '', NEWRACE: '3.0' });
    assert.equal(n.case.person?.ethnicity, 'hispanic');
    assert.ok(n.notes.includes('ussc.ethnicity_from_NEWRACE'));
  });

  it('CITIZEN 5 (extradited alien, from FY2007) is a noncitizen of unknown status; NEWCIT is read only without CITIZEN', () => {
    assert.equal(ok({ CITIZEN: '5.0' }).case.person?.citizenship, 'unknown');
    assert.equal(ok({ CITIZEN: '3.0', NEWCIT: '0.0' }).case.person?.citizenship, 'undocumented');
    assert.equal(ok({ CITIZEN: '', NEWCIT: '0.0' }).case.person?.citizenship, 'us_citizen');
  });

  it('SAFE 1 and 2 and SAFETY 1 are each the safety valve applied; SAFE and SAFETY are separate variables', () => {
    const applied: Record<string, string>[] = [{ SAFE: '1.0' }, { SAFE: '2.0' }, { SAFETY: '1.0' }];
    for (const over of applied) {
      const v = ok(over);
      assert.equal(v.case.cooperation?.truthful_disclosure, true, JSON.stringify(over));
      assert.equal(v.recorded.safety_valve, true);
    }
    const none = ok({ SAFE: '0.0', SAFETY: '0.0' });
    assert.equal(none.case.cooperation?.truthful_disclosure, undefined);
    assert.equal(none.recorded.safety_valve, false);
    assert.ok(ok({ SAFE: '2', SAFETY: '0' }).notes.includes('ussc.safe_and_safety_differ'));
    assert.equal(problems({ SAFE: '3' })[0]?.column, 'SAFE');
  });

  it('DEPART (to FY2003): 3, 5, 7 and 9 are substantial assistance; after FY2003 the variable is refused with its years', () => {
    const fy03 = { SENTYR: '2003', SENTMON: '6' };
    for (const code of ['3', '5', '7', '9'])
      assert.equal(ok({ ...fy03, DEPART: code }).case.cooperation?.substantial_assistance, true, code);
    assert.equal(ok({ ...fy03, DEPART: '2' }).case.cooperation?.substantial_assistance, undefined);
    // Codes 4-9 did not exist before April 2003 (FY2003).
    assert.equal(problems({ SENTYR: '2002', SENTMON: '6', DEPART: '5' })[0]?.column, 'DEPART');
    const late = problems({ DEPART: '3' });
    assert.equal(late[0]?.column, 'DEPART');
    assert.match(late[0]?.message ?? '', /to FY2003.*FY2020/);
  });

  it('BOOKERCD 5 (5K1.1, from FY2005) is substantial assistance; refused before FY2005', () => {
    assert.equal(ok({ BOOKERCD: '5.0' }).case.cooperation?.substantial_assistance, true);
    assert.equal(ok({ BOOKERCD: '7.0' }).case.cooperation?.substantial_assistance, undefined);
    assert.equal(problems({ SENTYR: '2004', SENTMON: '3', BOOKERCD: '5' })[0]?.column, 'BOOKERCD');
  });

  it('AGE is age at sentencing: birth year = sentencing year - AGE, noted', () => {
    const v = ok({ AGE: '30.0' });
    assert.equal(v.case.person?.birth_year, 1989);
    assert.ok(v.notes.includes('ussc.birth_year_from_age_at_sentencing'));
  });

  it('DRUGMIN 9996 and XMAXSOR 9996 are life; TOTPRISN 9996 life, 9992 under a day, 9997 no term; SENSPLT0 470 is life or more (noted)', () => {
    const life = ok({ DRUGMIN: '9996', XMINSOR: '360.0', XMAXSOR: '9996.0', TOTPRISN: '9996' });
    assert.equal(life.source_mandatory_minimum, 'life');
    assert.equal(life.recorded.mandatory_minimum_months, 'life');
    assert.equal(life.recorded.guideline_max_months, 'life');
    assert.equal(life.source_sentence, 'life');
    assert.equal(ok({ TOTPRISN: '9992' }).source_sentence, '0');
    assert.equal(ok({ TOTPRISN: '9997' }).source_sentence, '');
    assert.equal(ok({ TOTPRISN: '87' }).source_sentence, '87');
    const collapsed = ok({ SENSPLT0: '470.0' });
    assert.equal(collapsed.source_sentence, 'life');
    assert.ok(collapsed.notes.includes('ussc.sentence_470_life_or_more'));
    assert.equal(ok({ SENSPLT0: '0.0' }).source_sentence, '0');
  });

  it("the Commission's recorded results are carried, and an unreadable one is noted, never an input", () => {
    const v = ok({ XFOLSOR: '27.0', XCRHISSR: '6.0', XMINSOR: '130', XMAXSOR: '162' });
    assert.deepEqual(
      [v.recorded.offense_level, v.recorded.criminal_history_category, v.recorded.guideline_min_months],
      [27, 'VI', 130],
    );
    // fy20r119 of the sample carries imputed fractions in XFOLSOR, XMINSOR and XMAXSOR.
    const bad = ok({ XFOLSOR: '24.771892149844906', XMINSOR: '69.63', XMAXSOR: '86.93' });
    assert.equal(bad.recorded.offense_level, null);
    assert.equal(bad.recorded.guideline_min_months, null);
    assert.equal(bad.recorded.guideline_max_months, null);
    for (const v of ['XFOLSOR', 'XMINSOR', 'XMAXSOR'])
      assert.ok(bad.notes.includes(`ussc.recorded_value_unreadable.${v}`), v);
    // An input that is not a whole number rejects the record, naming the variable.
    assert.match(problems({ TOTCHPTS: '4.78' })[0]?.message ?? '', /whole number/);
  });
});

describe('USSC codebook: drugs', () => {
  it('methamphetamine (COMBDRG2 6): the MWGT1/WGT1 ratio tells actual or ice (1:20,000) from mixture (1:2,000)', () => {
    const mixture = ok({ COMBDRG2: '6.0', WGT1: '500', MWGT1: '1000000' });
    assert.deepEqual(mixture.case.conduct.drugs[0], {
      substance: 'methamphetamine',
      grams: 500,
      basis: 'attributed',
    });
    const actual = ok({ COMBDRG2: '6.0', WGT1: '95.2', MWGT1: '1904000' });
    assert.equal(actual.case.conduct.drugs[0]?.substance, 'methamphetamine_actual');
    assert.ok(actual.notes.includes('ussc.drug_form_ambiguous'), 'actual and ice share a ratio');
    // No weight, no ratio: the form is unknown, and noted.
    assert.ok(
      !read({ COMBDRG2: '6.0', WGT1: '', MWGT1: '' }).ok,
      'a record without a weight is rejected (grams are required)',
    );
  });

  it('DRUGTYP1 names the form directly (10 ice, 19 actual, 5 hashish, 107 fentanyl) and every drug slot is read', () => {
    const v = ok({
      COMBDRG2: '',
      DRUGTYP1: '10.0',
      WGT1: '60',
      DRUGTYP2: '5.0',
      WGT2: '1000',
      DRUGTYP3: '107.0',
      WGT3: '12',
      NODRUG: '3.0',
    });
    assert.deepEqual(
      v.case.conduct.drugs.map((d) => [d.substance, d.grams]),
      [
        ['ice', 60],
        ['hashish', 1000],
        ['fentanyl', 12],
      ],
    );
    assert.equal(v.recorded.drug_count, 3);
    assert.ok(!v.notes.includes('ussc.drugs_not_in_file'));
  });

  it('hashish and fentanyl are told from their groups by the ratio (1:5; 1:2,500)', () => {
    assert.equal(
      ok({ COMBDRG2: '4.0', WGT1: '1000', MWGT1: '5000' }).case.conduct.drugs[0]?.substance,
      'hashish',
    );
    assert.equal(
      ok({ COMBDRG2: '4.0', WGT1: '1000', MWGT1: '1000' }).case.conduct.drugs[0]?.substance,
      'marijuana',
    );
    assert.equal(
      ok({ COMBDRG2: '77.0', WGT1: '40', MWGT1: '100000' }).case.conduct.drugs[0]?.substance,
      'fentanyl',
    );
    const unknown = ok({ COMBDRG2: '77.0', WGT1: '6891', MWGT1: '1150797' });
    assert.equal(unknown.case.conduct.drugs[0]?.substance, 'other_schedule_i_ii');
    assert.ok(unknown.notes.includes('ussc.drug_form_not_identified'));
  });

  it('marijuana weighed in plants (UNIT1 5) becomes a plant count at the Manual weight per plant', () => {
    const v = ok({ COMBDRG2: '4.0', UNIT1: '5.0', WGT1: '154600.0', MWGT1: '154600.0' });
    assert.deepEqual(v.case.conduct.drugs[0], {
      substance: 'marijuana_plants',
      count: 1546,
      basis: 'attributed',
    });
    assert.ok(v.notes.includes('ussc.plants_from_weight'));
  });

  it('a drug the contract cannot represent (Schedule III, listed chemicals) rejects the record with the reason', () => {
    const p = problems({ COMBDRG2: '', DRUGTYP1: '152', WGT1: '10' });
    assert.equal(p[0]?.column, 'DRUGTYP1');
    assert.match(p[0]?.message ?? '', /Schedule III/);
    assert.ok(
      read({ COMBDRG2: '', DRUGTYP1: '135', WGT1: '10' }).ok,
      'mescaline: another Schedule I/II substance',
    );
  });

  it('NODRUG above the drug slots in the file is noted (the converted weight of the others is missing)', () => {
    assert.ok(ok({ NODRUG: '2.0' }).notes.includes('ussc.drugs_not_in_file'));
  });

  it('every code table entry maps to a value the contract accepts (a malformed table fails here, not on a record)', () => {
    const vars = codebook().variables;
    const values = (name: string) => Object.values(vars[name]?.codes ?? {}).map((c) => c.value);
    const within = (xs: string[], allowed: readonly string[], what: string) => {
      assert.ok(xs.length > 0, what);
      for (const x of xs) assert.ok(allowed.includes(x), `${what}: ${x}`);
    };
    within(values('MONRACE'), RACES, 'MONRACE');
    within([...values('HISPORIG'), ...values('NEWRACE')], ETHNICITIES, 'HISPORIG/NEWRACE');
    within(values('MONSEX'), GENDERS, 'MONSEX');
    within([...values('CITIZEN'), ...values('NEWCIT')], CITIZENSHIPS, 'CITIZEN/NEWCIT');
    within(
      [
        ...Object.values(vars.DRUGTYP?.substances ?? {}).map((c) => c.value),
        ...Object.values(vars.COMBDRG2?.groups ?? {}).flatMap((g) => [
          ...g.candidates,
          g.fallback ?? 'heroin',
        ]),
      ],
      SUBSTANCES,
      'DRUGTYP/COMBDRG2',
    );
  });
});
