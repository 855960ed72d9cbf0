import fs from 'node:fs';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { buildSnapshot, contentVersion } from './build-snapshot.js';
import { checkContentDir } from './check-content-dir.js';
import type { Diagnostic, FaqSnapshot, FaqStore } from '../faq-types.js';
import { createFaqTranslator, formatDiagnostic, type Translate } from './format-diagnostics.js';
import type { DecisionKnobs } from '../match/decision-knobs.js';
import { dayOf } from '../validity.js';

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
}

export interface ReloadableFaqStore extends FaqStore {
  /** Reloads now; returns true when a new version went live. The watcher calls this. */
  reload(): boolean;
}

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
  let snapshot: FaqSnapshot = buildSnapshot(first.loaded, clock, options.knobs);
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
    snapshot = buildSnapshot(checked.loaded, clock, options.knobs);
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
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
