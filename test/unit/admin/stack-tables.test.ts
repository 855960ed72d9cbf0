import { describe, expect, it } from 'vitest';
import { html } from '../../../src/admin/console/html.js';
import { labelTableCells } from '../../../src/admin/console/stack-tables.js';

describe('labelTableCells', () => {
  it('when a table has headings, then each body cell carries its column heading for the phone cards', () => {
    const name = '<td>"x"</td>';
    const markup =
      html`<div class="table-wrap"><table><thead><tr><th>Tên nhóm</th><th class="num">Số <abbr>TV</abbr></th></tr></thead>
<tbody><tr><td>${name}</td><td class="num">3</td></tr><tr><td>B</td><td>4</td></tr></tbody></table></div>`.value;
    const out = labelTableCells(markup);
    expect(out).toContain(
      '<td data-label="Tên nhóm">&lt;td&gt;&quot;x&quot;&lt;/td&gt;</td><td data-label="Số TV" class="num">3</td>',
    );
    expect(out).toContain('<td data-label="Tên nhóm">B</td><td data-label="Số TV">4</td>');
  });

  it('when a table has no heading row, then it is left as it is', () => {
    const markup = '<table><tbody><tr><td>a</td></tr></tbody></table><p>x</p>';
    expect(labelTableCells(markup)).toBe(markup);
  });
});
