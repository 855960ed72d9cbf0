import type { Request } from 'express';
import type { TFunction } from 'i18next';
import { foldText } from '../../../bot/dialog/fold-text.js';
import { html, type SafeHtml } from '../html.js';

export const PAGE_SIZE = 25;

/** The list part of a GET query: the search text and the page (1-based). */
export interface ListQuery {
  q: string;
  page: number;
}

/** A GET query parameter as one string ('' when absent or repeated). */
export function queryParam(req: Request, name: string, max = 100): string {
  const value = req.query[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** The search text (`q`) and page (`page`) of a list request; a bad page is page 1. */
export function readListQuery(req: Request): ListQuery {
  const page = Number(queryParam(req, 'page', 6));
  return { q: queryParam(req, 'q'), page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/**
 * A search predicate: true when every word of `q` starts a word of one of the texts, case and
 * diacritics ignored ("giam ngheo" finds "Giảm nghèo bền vững"). An empty search matches everything.
 */
export function searchMatcher(q: string): (...texts: ReadonlyArray<string | null | undefined>) => boolean {
  const words = foldText(q).split(' ').filter(Boolean);
  return (...texts) => {
    if (words.length === 0) return true;
    const folded = ` ${texts.map((x) => foldText(x ?? '')).join(' ')} `;
    return words.every((w) => folded.includes(` ${w}`));
  };
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of `items` (`page` past the end shows the last page). */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, total: items.length };
}

/**
 * "Trang 2/5 · 118 mục" with links to the previous and next pages that keep every other filter
 * (`params` is the request's filters without `page`). Nothing when everything fits on one page.
 */
export function pager(t: TFunction, path: string, params: URLSearchParams, p: Page<unknown>): SafeHtml {
  if (p.pages <= 1) return html`<p class="muted">${t('lists.total', { count: p.total })}</p>`;
  const href = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    return `${path}?${next.toString()}`;
  };
  return html`<nav class="pager actions" aria-label="${t('lists.pages')}">
${p.page > 1 ? html`<a class="button secondary" href="${href(p.page - 1)}" rel="prev">← ${t('lists.previous')}</a>` : ''}
<span class="muted">${t('lists.pageOf', { page: p.page, pages: p.pages, count: p.total })}</span>
${p.page < p.pages ? html`<a class="button secondary" href="${href(p.page + 1)}" rel="next">${t('lists.next')} →</a>` : ''}
</nav>`;
}

/** The search box of a list's filter form. */
export function searchField(t: TFunction, q: string): SafeHtml {
  return html`<div><label for="q">${t('lists.search')}</label><input type="search" id="q" name="q" value="${q}" maxlength="100"></div>`;
}

/** The request's filters as query parameters (empty values dropped), for pager links. */
export function filterParams(filters: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
}
