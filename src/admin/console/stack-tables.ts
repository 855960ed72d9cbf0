/**
 * Gives every body cell of every table its column's heading as `data-label`, so that the phone
 * stylesheet can show each row as a stacked card ("Trạng thái: Đã gửi") instead of a table that
 * scrolls sideways and hides the columns that matter. Works on the rendered page markup, so every
 * page (and tables added later) gets it without touching its view.
 *
 * Safe on console markup because every interpolated value is escaped by `html`: a literal `<td`,
 * `<th` or `<table` can only come from a template. Heading text is already escaped HTML, hence
 * safe inside a double-quoted attribute once its tags are dropped.
 */
export function labelTableCells(markup: string): string {
  return markup.replace(/<table\b[^>]*>[\s\S]*?<\/table>/g, (table) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table);
    if (!head) return table;
    const labels = [...head[1]!.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    return table.replace(/<tbody>[\s\S]*?<\/tbody>/, (body) =>
      body.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row) => {
        let column = 0;
        return row.replace(/<td\b/g, () => `<td data-label="${labels[column++] ?? ''}"`);
      }),
    );
  });
}
