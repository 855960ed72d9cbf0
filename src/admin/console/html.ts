/**
 * A tiny HTML template helper for the console: every interpolated value is escaped unless it is
 * already `SafeHtml` (built by `html` itself or, for trusted constant markup, `raw`). Arrays are
 * joined, `null`/`undefined`/`false` render as nothing. Attribute values must be written in double quotes.
 *
 * @example html`<td>${group.name}</td>` // "<td>&lt;script&gt;…</td>" for a hostile name
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for use in element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are trusted, every `${value}` is escaped (see `SafeHtml`). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks constant, trusted markup as safe. Never pass user-supplied text here. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
