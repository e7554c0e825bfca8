import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatGrams, formatNumber } from '../../src/rules/format.ts';

describe('numbers in prose', () => {
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  it('formatNumber writes what Intl.NumberFormat en-US writes, for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => assert.equal(formatNumber(x), intl.format(x))),
      { numRuns: 20_000 },
    );
    for (const x of [0, 28, 1234.5678, 0.0004, -5.25, 999_999.9999, 1e21, 123_456_789.123])
      assert.equal(formatNumber(x), intl.format(x));
  });
  it('formatGrams writes kilograms from 1,000 g', () => {
    assert.equal(formatGrams(999.5), '999.5 g');
    assert.equal(formatGrams(1_360_000), '1,360 kg');
  });
});
