import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LawDataError } from '../../src/law/errors.ts';
import { OFFENDER_FUNCTIONS } from '../../src/model/assessment.ts';
import { ACTIVITIES } from '../../src/model/case.ts';
import { classifyRole } from '../../src/rules/role/classify.ts';
import { roleExposureMismatch } from '../../src/rules/role/mismatch.ts';
import { CASES, EVALUATION, exposureWith, inputOf, law, makeCase, patchedBook, value } from './helpers.ts';

/** The role with the findings its law reads made (unverified or low-confidence values). */
const roleOf = (c: ReturnType<typeof makeCase>, book = law) => {
  const input = inputOf(c, book);
  const r = classifyRole(input);
  return { ...r, findings: [...r.findings, ...input.law.findings] };
};

describe("classifyRole: the USSC offender functions from the person's own conduct", () => {
  it('possession only (no supply activity) is user_possession_only', () => {
    const { role, findings } = roleOf(CASES.possessionOnly());
    assert.equal(role.function, 'user_possession_only');
    assert.ok(findings.some((f) => f.code === 'role.function.user_possession_only'));
    assert.ok(role.citations.length > 0);
  });

  it('an activity that evidences no function falls back to the declared default, and says the activity was not used', () => {
    const { role, findings } = roleOf(CASES.livedAtPremises());
    assert.equal(role.function, 'user_possession_only');
    assert.ok(findings.some((f) => f.code === 'role.default_function'));
    assert.ok(role.ignored?.some((s) => s.includes('lived_at_premises')));
  });

  it('an organizer who never touched drugs is organizer_leader, and the attributed quantity is ignored', () => {
    const { role, findings } = roleOf(CASES.organizerNeverTouched());
    assert.equal(role.function, 'organizer_leader');
    assert.ok(role.decided_by?.some((s) => s.includes('organized')));
    assert.ok(role.ignored?.some((s) => s.includes('50 kg') && s.includes('attributed')));
    // also a manager by headcount, outranked by the declared precedence
    const outranked = findings.find((f) => f.code === 'role.outranked');
    assert.ok(outranked && String(outranked.values?.others).includes('manager_supervisor'));
  });

  it('a courier with 2 kg stays a courier: the weight carried does not raise the role', () => {
    const { role, findings } = roleOf(CASES.courier2kg());
    assert.equal(role.function, 'courier');
    assert.ok(findings.some((f) => f.code === 'role.ignored.own_quantity' && f.values?.grams === 2000));
    assert.ok(role.ignored?.some((s) => s.includes('2 kg')));
  });

  it('a lookout in a 1,000 kg conspiracy is employee_worker; the 1,000 kg was not used', () => {
    const { role, findings } = roleOf(CASES.lookout1000kg());
    assert.equal(role.function, 'employee_worker');
    assert.ok(role.ignored?.some((s) => s.includes('attributed network quantity of 1,000 kg')));
    assert.ok(
      findings.some((f) => f.code === 'role.ignored.attributed_quantity' && f.values?.grams === 1_000_000),
    );
  });

  it('sharing with a friend is social_supplier; buying for friends at a profit is street-level dealing', () => {
    assert.equal(roleOf(CASES.sharingWithFriend()).role.function, 'social_supplier');
    const resale = makeCase({
      conduct: {
        activities: ['bought_for_friends'],
        drugs: [{ substance: 'cocaine', grams: 3, basis: 'transacted' }],
        compensation: 'profit',
      },
    });
    assert.equal(roleOf(resale).role.function, 'street_level_dealer');
  });

  it('retail selling is street-level below the one-ounce line and wholesale at or above it (line read from data)', () => {
    const line = value<number>('policy.dpa_2019.role.line.wholesale_transaction_grams');
    const at = (grams: number) =>
      roleOf(
        makeCase({
          conduct: {
            activities: ['sold_retail'],
            drugs: [{ substance: 'cocaine', grams, basis: 'transacted' }],
          },
        }),
      ).role.function;
    assert.equal(at(line - 1), 'street_level_dealer');
    assert.equal(at(line), 'wholesaler');
  });

  it('wholesale selling of a kilogram or more per transaction is importer/high-level supplier, outranking wholesaler', () => {
    const { role, findings } = roleOf(CASES.highLevelSeller());
    assert.equal(role.function, 'importer_high_level_supplier');
    assert.ok(
      findings.some((f) => f.code === 'role.outranked' && String(f.values?.others).includes('wholesaler')),
    );
  });

  it('importing a small amount without a profit share is transport (courier), not importer', () => {
    const c = makeCase({
      conduct: { activities: ['imported'], drugs: [{ substance: 'heroin', grams: 50, basis: 'transacted' }] },
    });
    assert.equal(roleOf(c).role.function, 'courier');
  });

  it('supervising people outranks retail selling (manager_supervisor)', () => {
    const c = makeCase({
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'cocaine', grams: 5, basis: 'transacted' }],
        people_supervised: 2,
      },
    });
    assert.equal(roleOf(c).role.function, 'manager_supervisor');
  });

  it('a stock held at home is not a per-transaction quantity (sales of 680 g with 1.36 kg at home: wholesaler)', () => {
    const c = makeCase({
      conduct: {
        activities: ['sold_wholesale', 'possessed'],
        drugs: [
          { substance: 'marijuana', grams: 680, basis: 'transacted' },
          { substance: 'marijuana', grams: 1360, basis: 'possessed' },
        ],
      },
    });
    assert.equal(roleOf(c).role.function, 'wholesaler');
  });

  it('pills are not weighed against the ounce line (35 pills weighing 29.3 g sold: street-level dealer)', () => {
    const c = makeCase({
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'hydrocodone', grams: 29.3, dosage_units: 35, basis: 'transacted' }],
        compensation: 'subsistence',
      },
    });
    const { role, findings } = roleOf(c);
    assert.equal(role.function, 'street_level_dealer');
    assert.ok(findings.some((f) => f.code === 'law.low_confidence' && f.values?.area === 'role'));
  });

  it('a precedence that omits a function is a data error, not first-match-wins', () => {
    const bad = patchedBook({
      'policy.dpa_2019.role.precedence': OFFENDER_FUNCTIONS.filter((f) => f !== 'courier'),
    });
    assert.throws(() => roleOf(CASES.courier2kg(), bad), LawDataError);
  });

  it('every activity in the contract is placed: evidence of some function, or declared as evidence of none', () => {
    const snap = law.at(EVALUATION);
    const placed = new Set<string>(snap.get<string[]>('policy.dpa_2019.role.no_function_activities').value);
    for (const f of OFFENDER_FUNCTIONS) {
      const def = snap.get<{ any_of: { activities_any?: string[] }[] }>(
        `policy.dpa_2019.role.function.${f}`,
      ).value;
      for (const cr of def.any_of) for (const a of cr.activities_any ?? []) placed.add(a);
    }
    assert.deepEqual(
      ACTIVITIES.filter((a) => !placed.has(a)),
      [],
    );
  });
});

describe('roleExposureMismatch: quantity-driven minimums far above the role', () => {
  const withExposure = (c: ReturnType<typeof makeCase>, minimum: number | 'life') => {
    const input = inputOf(c);
    return roleExposureMismatch({
      ...input,
      role: classifyRole(input).role,
      exposure: exposureWith(minimum),
    });
  };
  const table = value<Record<string, number>>('policy.dpa_2019.role.mismatch.mandatory_minimum_months');

  it('flags a courier facing the ten-year minimum', () => {
    const findings = withExposure(CASES.courier2kg(), table.courier ?? Number.NaN);
    const f = findings.find((x) => x.code === 'role.mismatch.mandatory_minimum');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(f.values?.function, 'courier');
    assert.ok(f.citations.includes('21 U.S.C. 841(b)(1)(A)'));
  });

  it('does not flag a courier below the threshold', () => {
    const below = (table.courier ?? 0) - 1;
    assert.equal(
      withExposure(CASES.courier2kg(), below).filter((x) => x.code === 'role.mismatch.mandatory_minimum')
        .length,
      0,
    );
  });

  it('flags a lookout facing mandatory life', () => {
    assert.ok(
      withExposure(CASES.lookout1000kg(), 'life').some((x) => x.code === 'role.mismatch.mandatory_minimum'),
    );
  });

  it('never flags a function the table does not list (high-level supplier)', () => {
    assert.equal(withExposure(CASES.highLevelSeller(), 'life').length, 0);
  });

  it('returns nothing without an exposure', () => {
    const input = inputOf(CASES.courier2kg());
    assert.deepEqual(roleExposureMismatch({ ...input, role: classifyRole(input).role, exposure: null }), []);
  });
});
