/**
 * Builds a CSV file that opens correctly in Excel with Vietnamese text: UTF-8 with BOM, CRLF lines,
 * every field quoted. Cells starting with = + - @ (or tab/CR) get a leading apostrophe so a group name
 * or question can never run as a spreadsheet formula.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (value: string | number | null): string => {
    let text = value === null ? '' : String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
