import { describe, expect, it } from 'vitest';
import { assessHousehold, type HouseholdCase } from '../../../src/household/assess-household.js';
import { realCriteria } from './household-test-kit.js';

const criteria = realCriteria();
/** A household of `size` whose monthly total gives exactly `perPerson` đồng each, plus `delta` đồng in total. */
const household = (perPerson: number, area: HouseholdCase['area'], delta = 0, size = 4): HouseholdCase => ({
  size,
  income: { amount: perPerson * size + delta, basis: 'household', period: 'month' },
  area,
  deprivations: [],
  farming: false,
});
const assess = (c: HouseholdCase, day: string) => assessHousehold(criteria, c, day)!;

describe('assessHousehold: the lines in force on the day', () => {
  it.each([
    // day, area, poverty line, band top (undefined: not known for that standard)
    ['2026-12-31', 'rural', 1_500_000, 2_250_000],
    ['2026-12-31', 'urban', 2_000_000, 3_000_000],
    ['2027-01-01', 'rural', 2_200_000, undefined],
    ['2027-01-01', 'urban', 2_800_000, undefined],
  ] as const)('on %s (%s): at the line %i is poor or near-poor, one đồng over is not', (day, area, line, top) => {
    const on = assess(household(line, area), day);
    expect(on.povertyLine).toBe(line);
    expect(on.perPerson).toBe(line);
    expect(on.standing).toBe('poor-or-near-poor');
    expect(on.close).toContainEqual({ kind: 'poverty', line, percent: 0, exact: true });
    const over = assess(household(line, area, 1), day);
    expect(over.standing).toBe(top === undefined ? 'above' : 'average');
    if (top !== undefined) {
      expect(assess(household(top, area), day).standing).toBe('average');
      expect(assess(household(top, area, 1), day).standing).toBe('above');
    }
  });

  it('when the 2026 lines end, then 2.000.000 đ in the countryside is over the line on 31/12/2026 and under it on 01/01/2027', () => {
    const c = household(2_000_000, 'rural');
    const before = assess(c, '2026-12-31');
    expect(before.standing).toBe('average');
    expect(before.next).toMatchObject({ line: 2_200_000, under: true });
    const after = assess(c, '2027-01-01');
    expect(after.standing).toBe('poor-or-near-poor');
    expect(after.next).toBeUndefined();
    expect(after.lowIncome).toBeUndefined();
    expect(after.provincial).toBeUndefined();
  });

  it('when the income is compared with the low-income worker and provincial lines, then both sides are told apart', () => {
    expect(assess(household(2_250_000, 'rural'), '2026-12-31').lowIncome).toEqual({ line: 2_250_000, under: true });
    expect(assess(household(2_250_000, 'rural', 1), '2026-12-31').lowIncome).toEqual({ line: 2_250_000, under: false });
    expect(assess(household(1_750_000, 'rural'), '2026-12-31').provincial).toEqual({ line: 1_750_000, under: true });
    expect(assess(household(1_750_000, 'rural', 4), '2026-12-31').provincial).toEqual({
      line: 1_750_000,
      under: false,
    });
    expect(assess(household(3_000_000, 'urban', 1), '2026-12-31').lowIncome?.under).toBe(false);
  });

  it('when the arithmetic is done, then it is exact: yearly, per person and per earner incomes', () => {
    // 54.000.000 a year for 3 people is 1.500.000 a month each: on the line, not over it
    const yearly: HouseholdCase = {
      size: 3,
      income: { amount: 54_000_000, basis: 'household', period: 'year' },
      area: 'rural',
      deprivations: [],
      farming: false,
    };
    expect(assess(yearly, '2026-12-31')).toMatchObject({ perPerson: 1_500_000, standing: 'poor-or-near-poor' });
    const perPerson: HouseholdCase = {
      ...yearly,
      size: undefined,
      income: { amount: 1_200_000, basis: 'person', period: 'month' },
    };
    expect(assess(perPerson, '2026-12-31')).toMatchObject({ perPerson: 1_200_000, standing: 'poor-or-near-poor' });
    const earners: HouseholdCase = {
      ...yearly,
      size: 5,
      income: { amount: 6_000_000, basis: 'earner', earners: 2, period: 'month' },
    };
    expect(assess(earners, '2026-12-31')).toMatchObject({
      perPerson: 2_400_000,
      householdMonthly: 12_000_000,
      standing: 'above',
    });
    const third: HouseholdCase = { ...yearly, income: { amount: 5_000_000, basis: 'household', period: 'month' } };
    expect(assess(third, '2026-12-31').perPerson).toBeCloseTo(1_666_666.67, 1);
  });

  it('when the income is within 8% of a line, then the line is reported as close; beyond it, not', () => {
    const near = assess(household(1_500_000 * 1.08, 'rural'), '2026-12-31');
    expect(near.close.map((c) => c.kind)).toContain('poverty');
    const far = assess(household(1_500_000 * 1.09, 'rural'), '2026-12-31');
    expect(far.close.map((c) => c.kind)).not.toContain('poverty');
    const under = assess(household(1_500_000 * 0.93, 'rural'), '2026-12-31');
    expect(under.close.map((c) => c.kind)).toContain('poverty');
  });

  it('when deprivations are mentioned, then only the indicators in force that day count', () => {
    const c = { ...household(1_000_000, 'rural'), deprivations: ['tiep-can-thong-tin', 'bao-hiem-y-te'] };
    expect(
      assess(c, '2026-12-31')
        .mentioned.map((i) => i.id)
        .sort(),
    ).toEqual(['bao-hiem-y-te', 'tiep-can-thong-tin']);
    expect(assess(c, '2027-01-01').mentioned.map((i) => i.id)).toEqual(['bao-hiem-y-te']);
  });

  it('when no period is in force, then there is no assessment', () => {
    expect(assessHousehold(criteria, household(1_000_000, 'rural'), '2031-01-01')).toBeUndefined();
  });
});
