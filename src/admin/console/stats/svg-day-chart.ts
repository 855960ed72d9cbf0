import { html, type SafeHtml } from '../html.js';

/** One day of a stacked chart: a label ('dd/mm') and one count per series. */
export interface ChartDay {
  label: string;
  values: readonly number[];
}

const W = 360;
const H = 160;
const TOP = 18;
const BOTTOM = 22;

/**
 * A small stacked bar chart as inline SVG, drawn on the server: one bar per day, one colour per
 * series (classes `series-0`, `series-1`, … in the stylesheet: the CSP forbids inline style), the
 * highest count and the first and last day as text, an accessible `<title>` and `<desc>`, and a
 * `<title>` per bar with its figures (shown on hover). Scales to its box (viewBox), so it fits 390 px.
 */
export function svgDayChart(input: {
  id: string;
  title: string;
  /** a plain sentence of what the chart shows, for screen readers */
  description: string;
  series: readonly string[];
  days: readonly ChartDay[];
}): SafeHtml {
  const totals = input.days.map((d) => d.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const slot = W / Math.max(1, input.days.length);
  const barW = Math.max(1, slot * 0.7);
  const scale = (H - TOP - BOTTOM) / max;
  const bars = input.days.map((day, i) => {
    let y = H - BOTTOM;
    const rects = day.values.map((v, s) => {
      const h = v * scale;
      y -= h;
      return v > 0
        ? html`<rect class="series-${s}" x="${(i * slot + (slot - barW) / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"></rect>`
        : '';
    });
    const tip = `${day.label}: ${input.series.map((name, s) => `${name} ${day.values[s] ?? 0}`).join(', ')}`;
    return html`<g><title>${tip}</title>${rects}</g>`;
  });
  const first = input.days[0]?.label ?? '';
  const last = input.days.at(-1)?.label ?? '';
  return html`<figure class="chart">
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" preserveAspectRatio="xMidYMid meet">
<title id="${input.id}-title">${input.title}</title><desc id="${input.id}-desc">${input.description}</desc>
<line class="axis" x1="0" y1="${H - BOTTOM}" x2="${W}" y2="${H - BOTTOM}"></line>
<text class="label" x="0" y="12">${max}</text>
${bars}
<text class="label" x="0" y="${H - 6}">${first}</text><text class="label" x="${W}" y="${H - 6}" text-anchor="end">${last}</text>
</svg>
<figcaption class="legend">${input.series.map((name, s) => html`<span><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="series-${s}" width="10" height="10"></rect></svg> ${name}</span> `)}</figcaption>
</figure>`;
}
