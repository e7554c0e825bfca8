import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, addYears, daysBetween, isIsoDate, monthsBetween } from '../src/model/dates.ts';

describe('calendar dates', () => {
  it('validates real dates only, leap years included', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('1900-02-29'), false);
    assert.equal(isIsoDate('2000-02-29'), true);
    assert.equal(isIsoDate('2020-13-01'), false);
    assert.equal(isIsoDate('2020-1-01'), false);
  });
  it('adds months and years by calendar anniversary, clamping to the month end', () => {
    assert.equal(addMonths('2020-01-31', 1), '2020-02-29');
    assert.equal(addMonths('2021-01-31', 1), '2021-02-28');
    assert.equal(addYears('2020-02-29', 1), '2021-02-28');
    assert.equal(addYears('2003-06-15', 15), '2018-06-15');
    assert.equal(addMonths('2019-11-15', -12), '2018-11-15');
  });
  it('counts days and whole months', () => {
    assert.equal(addDays('2010-08-03', -1), '2010-08-02');
    assert.equal(daysBetween('2010-08-02', '2010-08-03'), 1);
    assert.equal(monthsBetween('2020-01-15', '2020-03-14'), 1);
    assert.equal(monthsBetween('2020-01-15', '2020-03-15'), 2);
  });
});
