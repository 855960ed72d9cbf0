/**
 * Measures answer quality on a blind evaluation set (developer tool), through the same dialog as `npm run ask`:
 *   npm run eval [-- --set dev|test] [--dir CONTENT_DIR] [--date YYYY-MM-DD] [--misses] [--json]
 * Every row of test/eval/blind/<set>-questions.yaml (joined with <set>-facts.yaml) is asked by a
 * fresh resident and scored right / wrong / unanswered (src/cli/eval/score-reply.ts). Tune on
 * `dev`; `test` is measured, never tuned on. Default day EVAL_DAY (fixed so runs compare).
 */
import path from 'node:path';
import { createFaqStore } from '../faq/content/create-faq-store.js';
import { isIsoDay } from '../faq/content/yaml-reader.js';
import { createI18n } from '../i18n/create-i18n.js';
import { createSilentLogger } from '../shared/logger.js';
import { createAskSession } from './create-ask-session.js';
import { contentDirFor } from './content-dir.js';
import { loadBlindSet } from './eval/blind-set.js';
import { evaluateBlindSet, share, type BlindReport, type Tally } from './eval/evaluate-blind-set.js';
import { parseFlags } from './parse-flags.js';

/** "Today" of the blind sets: the 2022–2025 poverty standard still applies (until 31/12/2026). */
export const EVAL_DAY = '2026-12-07';
export const BLIND_DIR = 'test/eval/blind';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
const line = (name: string, t: Tally): string =>
  `${name.padEnd(16)} ${String(t.n).padStart(4)} ${pct(share(t.right, t.n))} ${pct(share(t.wrong, t.n))} ${pct(share(t.unanswered, t.n))}`;

function summary(report: BlindReport): string {
  const rows = [
    'rows               n   right   wrong  unansw',
    ...Object.entries(report.byExpect).map(([k, t]) => line(k, t)),
    line('answer, marked', report.inScopeMarked),
    line('answer, unmarked', report.inScopeUnmarked),
    ...Object.entries(report.byStyle)
      .sort()
      .map(([k, t]) => line(`style ${k}`, t)),
  ];
  return rows.join('\n');
}

async function main(): Promise<number> {
  const usage = 'usage: npm run eval [-- --set dev|test] [--dir DIR] [--date YYYY-MM-DD] [--misses] [--json]';
  const values = parseFlags(
    {
      set: { type: 'string' },
      dir: { type: 'string' },
      date: { type: 'string' },
      misses: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    usage,
  );
  if (!values) return 2;
  const set = values.set ?? 'dev';
  const day = values.date ?? EVAL_DAY;
  if (!/^[a-z0-9-]+$/.test(set) || !isIsoDay(day)) {
    console.error(usage);
    return 2;
  }
  const rows = loadBlindSet(path.join(BLIND_DIR, `${set}-questions.yaml`), path.join(BLIND_DIR, `${set}-facts.yaml`));
  const now = Date.parse(`${day}T12:00:00+07:00`);
  const log = createSilentLogger();
  const faq = createFaqStore({ contentDir: contentDirFor(values.dir), clock: { now: () => now }, log, watch: false });
  const session = createAskSession({ faq, t: createI18n().getFixedT('vi'), log, now: () => now });
  try {
    const report = await evaluateBlindSet(rows, session, day);
    if (values.json) {
      console.log(
        JSON.stringify(
          report.outcomes.map((o) => ({ id: o.row.id, verdict: o.verdict, kind: o.reply.kind, node: o.reply.id })),
        ),
      );
      return 0;
    }
    console.log(`set ${set}, ${rows.length} rows, day ${day}, content ${faq.status().version}`);
    console.log(summary(report));
    if (values.misses) {
      for (const o of report.outcomes.filter((x) => x.verdict !== 'right')) {
        const missing = o.missing.map((g) => g.join('|')).join('; ');
        console.log(
          `\n[${o.verdict}] ${o.row.id} (${o.row.expect}) → ${o.reply.kind} ${o.reply.id ?? ''} ${o.reply.score ?? ''}`,
        );
        console.log(`  q: ${o.row.q}`);
        if (missing) console.log(`  missing: ${missing}`);
        console.log(`  reply: ${o.reply.text.slice(0, 160).replace(/\n/g, ' ')}`);
      }
    }
  } finally {
    session.close();
    faq.close();
  }
  return 0;
}

process.exitCode = await main();
