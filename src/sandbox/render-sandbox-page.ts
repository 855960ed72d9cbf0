import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page');
const read = (file: string): string => fs.readFileSync(path.join(PAGE_DIR, file), 'utf8');

/** The page parts, read once at import: a template, its stylesheet and its script (src/sandbox/page/). */
const TEMPLATE = read('sandbox.html');
const STYLE = read('sandbox.css');
const SCRIPT = read('sandbox.js');

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Renders the sandbox page: `{{page.key}}` placeholders get the escaped locale text, the inline
 * style and script get `nonce` (matched by the Content-Security-Policy header), and `base` is
 * the router's mount path, which the script uses for its API calls.
 */
export function renderSandboxPage(pageTexts: Record<string, string>, options: { nonce: string; base: string }): string {
  return TEMPLATE.replace(/\{\{(page\.[A-Za-z]+|nonce|base|style|script)\}\}/g, (_match, key: string) => {
    if (key === 'style') return STYLE;
    if (key === 'script') return SCRIPT;
    if (key === 'nonce') return options.nonce;
    if (key === 'base') return escapeHtml(options.base);
    return escapeHtml(pageTexts[key.slice('page.'.length)] ?? key);
  });
}
