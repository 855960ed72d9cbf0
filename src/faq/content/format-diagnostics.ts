import { createI18n } from '../../i18n/create-i18n.js';
import type { Diagnostic } from '../faq-types.js';
import type { Finding } from './yaml-reader.js';

/** Renders a `faq` namespace key with parameters. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Parameters whose values are codes with their own wording under `<name>.<value>`. */
const WORDED_PARAMS = ['expected', 'reason', 'context'];

/**
 * The translator for checker messages, from `locales/<lang>/faq.json` (Vietnamese by default:
 * admins read the diagnostics).
 */
export function createFaqTranslator(lang: 'vi' | 'en' = 'vi', localesDir?: string): Translate {
  const t = createI18n(localesDir).getFixedT(lang, 'faq');
  return (key, params) => String(t(key, params ?? {}));
}

/** Turns findings into diagnostics with their translated message (`diagnostics.<CODE>`). */
export function toDiagnostics(findings: readonly Finding[], t: Translate): Diagnostic[] {
  return findings.map((f) => {
    const params: Record<string, string | number> = { ...f.params };
    for (const name of WORDED_PARAMS) {
      const value = params[name];
      if (value !== undefined) params[name] = t(`${name}.${value}`, { defaultValue: String(value) });
    }
    return {
      severity: f.severity,
      code: f.code,
      file: f.file,
      line: f.line,
      message: t(`diagnostics.${f.code}`, params),
    };
  });
}

/** One diagnostic as `file:line: error|warning CODE message` (docs/content-format.md). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity} ${d.code} ${d.message}`;
}
