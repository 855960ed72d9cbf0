import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/admin/console/csv.js';

describe('toCsv', () => {
  it('when cells hold quotes, commas, newlines and formulas, then Excel reads them as plain text', () => {
    expect(
      toCsv([
        ['Nhóm "A", xã', 3],
        ['=HYPERLINK("x")', null],
        ['-5 hộ', 'a\nb'],
      ]),
    ).toBe('\uFEFF"Nhóm ""A"", xã","3"\r\n"\'=HYPERLINK(""x"")",""\r\n"\'-5 hộ","a\nb"\r\n');
  });
});
