import fs from 'node:fs';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { buildSnapshot, contentVersion } from './build-snapshot.js';
import { checkContentDir } from './check-content-dir.js';
import type { Diagnostic, FaqSnapshot, FaqStore, MatchResult } from '../faq-types.js';
import { createFaqTranslator, formatDiagnostic, type Translate } from './format-diagnostics.js';
import type { DecisionKnobs } from '../match/decision-knobs.js';
import { dayOf } from '../validity.js';
import { createLruCache } from '../../shared/lru-cache.js';
import { cacheMatches } from './cache-matches.js';

/** The very first content load failed: the app must not start on broken content. */
export class ContentError extends AppError {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `content has ${diagnostics.filter((d) => d.severity === 'error').length} error(s):\n` +
        diagnostics
          .filter((d) => d.severity === 'error')
          .map(formatDiagnostic)
          .join('\n'),
      'run `npm run content:check` and fix the files it names',
    );
  }
}

export interface FaqStoreOptions {
  contentDir: string;
  clock: Clock;
  log: Logger;
  /** watch CONTENT_DIR and reload on changes (default true) */
  watch?: boolean;
  /** quiet time after the last change before reloading (default 300 ms) */
  debounceMs?: number;
  knobs?: Partial<DecisionKnobs>;
  /** translator for diagnostics (default Vietnamese, locales/vi/faq.json) */
  t?: Translate;
  /** match verdicts kept for repeated texts (default 5,000; 0: none); cleared on every reload */
  matchCacheSize?: number;
}

export interface ReloadableFaqStore extends FaqStore {
  /** Reloads now; returns true when a new version went live. The watcher calls this. */
  reload(): boolean;
  /** the match cache's hits and misses since the last reload, and its entries now */
  matchCacheStats(): { hits: number; misses: number; size: number };
}

const DEFAULT_MATCH_CACHE_SIZE = 5_000;

/**
 * Loads and checks CONTENT_DIR synchronously (throws ContentError when the first load has errors),
 * then watches it recursively. Each change (debounced) reloads and re-checks; the snapshot is
 * swapped atomically only when there are no errors. Otherwise the last good snapshot stays live,
 * and `status()` exposes `lastError` and the diagnostics with file:line.
 */
export function createFaqStore(options: FaqStoreOptions): ReloadableFaqStore {
  const { contentDir, clock, log } = options;
  const t = options.t ?? createFaqTranslator('vi');

  const first = checkContentDir(contentDir, dayOf(clock.now()), t);
  if (first.errorCount > 0) throw new ContentError(first.diagnostics);
  const cacheSize = options.matchCacheSize ?? DEFAULT_MATCH_CACHE_SIZE;
  const matches = createLruCache<string, MatchResult>(Math.max(cacheSize, 1));
  const build = (loaded: typeof first.loaded): FaqSnapshot => {
    const built = buildSnapshot(loaded, clock, options.knobs);
    return cacheSize > 0 ? cacheMatches(built, matches) : built;
  };
  let snapshot = build(first.loaded);
  let diagnostics = first.diagnostics;
  let lastError: string | undefined;
  log.info(
    { contentVersion: snapshot.version, nodes: first.loaded.nodes.length, warnings: first.warningCount },
    'faq content loaded',
  );

  const reload = (): boolean => {
    let checked;
    try {
      checked = checkContentDir(contentDir, dayOf(clock.now()), t);
    } catch (error) {
      lastError = String(error);
      log.error(
        { err: error, contentVersion: snapshot.version },
        'faq content reload failed; keeping the last good version',
      );
      return false;
    }
    diagnostics = checked.diagnostics;
    if (checked.errorCount > 0) {
      lastError = t('store.rejected', { errors: checked.errorCount, version: snapshot.version });
      log.warn(
        {
          contentVersion: snapshot.version,
          errors: checked.errorCount,
          diagnostics: checked.diagnostics
            .filter((d) => d.severity === 'error')
            .slice(0, 20)
            .map(formatDiagnostic),
        },
        'faq content has errors; keeping the last good version (run npm run content:check)',
      );
      return false;
    }
    lastError = undefined;
    if (contentVersion(checked.loaded) === snapshot.version) return false;
    snapshot = build(checked.loaded);
    matches.clear();
    log.info({ contentVersion: snapshot.version, warnings: checked.warningCount }, 'faq content reloaded');
    return true;
  };

  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher | undefined;
  if (options.watch ?? true) {
    watcher = fs.watch(contentDir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, options.debounceMs ?? 300);
    });
    watcher.on('error', (error) =>
      log.error({ err: error }, 'faq content watcher failed; restart to resume live reloads'),
    );
  }

  return {
    current: () => snapshot,
    status: () => ({
      version: snapshot.version,
      loadedAt: snapshot.loadedAt,
      diagnostics,
      ...(lastError !== undefined ? { lastError } : {}),
    }),
    reload,
    matchCacheStats: () => ({ ...matches.stats(), size: matches.size }),
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
