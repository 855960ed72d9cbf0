import { html, type SafeHtml } from '../html.js';

/**
 * A horizontal bar chart from `<meter>` elements: no inline styles (the console's CSP forbids them),
 * no script, prints, and scales to a phone.
 */
export function bars(rows: ReadonlyArray<{ label: string; value: number }>, ariaLabel: string): SafeHtml {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return html`<div class="bars" role="list" aria-label="${ariaLabel}">${rows.map(
    (r) =>
      html`<div class="bar" role="listitem"><span>${r.label}</span><meter min="0" max="${max}" value="${r.value}"></meter><span class="n">${r.value}</span></div>`,
  )}</div>`;
}
