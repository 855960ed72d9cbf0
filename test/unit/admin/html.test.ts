import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../../src/admin/console/html.js';

describe('html template helper', () => {
  it('when a value holds markup, then it is escaped in text and attributes', () => {
    const name = `<script>alert("x")</script>' & \``;
    const out = html`<td title="${name}">${name}</td>`.value;
    expect(out).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &#96;</td>',
    );
    expect(out).not.toContain('<script>');
  });

  it('when fragments are nested or listed, then they are not escaped twice', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('when values are empty, then null, undefined and false render nothing but 0 renders', () => {
    expect(html`${null}|${undefined}|${false}|${0}`.value).toBe('|||0');
  });

  it('when markup is marked raw, then it passes through; escapeHtml leaves plain text alone', () => {
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(escapeHtml('Hộ nghèo')).toBe('Hộ nghèo');
  });
});
