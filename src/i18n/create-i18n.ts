import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type TFunction } from 'i18next';

export type { TFunction };

export const DEFAULT_LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;

/**
 * Loads every `locales/<lang>/<namespace>.json` synchronously into a fresh i18next instance.
 * Each feature owns one namespace file (bot, faq, broadcast, admin, sandbox, zalo …).
 * Vietnamese is the default and the fallback. Keys use `ns:key` or `{ ns }` options.
 */
export function createI18n(localesDir = DEFAULT_LOCALES_DIR): i18n {
  const resources: Record<string, Record<string, unknown>> = {};
  const namespaces = new Set<string>();
  for (const lng of SUPPORTED_LANGUAGES) {
    const dir = path.join(localesDir, lng);
    resources[lng] = {};
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ns = file.slice(0, -'.json'.length);
      namespaces.add(ns);
      resources[lng]![ns] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  }
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: resources as never,
    lng: 'vi',
    fallbackLng: 'vi',
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
