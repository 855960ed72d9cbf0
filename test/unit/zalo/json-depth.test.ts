import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, MAX_WEBHOOK_JSON_DEPTH } from '../../../src/zalo/json-depth.js';
import { loadWebhookFixtures } from '../../helpers/webhook-fixtures.js';

describe('exceedsJsonDepth', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":[1]}', 2, false],
    ['{"a":[{}]}', 2, true],
    ['[[[]]]', 2, true],
    ['{"a":"[[[[[[["}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['"{{{{"', 0, false],
  ] as const)('when %s is checked against depth %d, then it is %s', (text, max, expected) => {
    expect(exceedsJsonDepth(text, max)).toBe(expected);
  });

  it('when a body is nested 1,000,000 levels deep, then it is caught in one pass without recursion', () => {
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const started = performance.now();
    expect(exceedsJsonDepth(text, MAX_WEBHOOK_JSON_DEPTH)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('when every published Zalo webhook example is checked, then none comes near the limit', () => {
    for (const fixture of loadWebhookFixtures()) expect(exceedsJsonDepth(fixture.raw, 8), fixture.file).toBe(false);
  });
});
