import { describe, expect, it } from 'vitest';
import { createDenseQuery } from '../../../../src/faq/match/dense-query.js';

describe('dense query', () => {
  it('when a query is loaded, then its dot product with a sparse vector counts the shared features only', () => {
    const query = createDenseQuery(10);
    query.load({ ids: [1, 4], values: [0.5, 2] });
    expect(query.dot({ ids: [4, 7, 1], values: [3, 9, 2] })).toBe(2 * 3 + 0.5 * 2);
  });

  it('when it is cleared and another query loaded, then nothing of the first one is left', () => {
    const query = createDenseQuery(10);
    query.load({ ids: [1, 4], values: [0.5, 2] });
    query.clear();
    query.load({ ids: [2], values: [1] });
    expect(query.dot({ ids: [1, 2, 4], values: [1, 1, 1] })).toBe(1);
  });
});
