/**
 * Measures whether replies carry the right FACTS (developer tool), through the same dialog as `npm run ask`:
 *   npm run eval:facts [-- --set FILE] [--dir CONTENT_DIR] [--half A|B] [--date YYYY-MM-DD] [--json]
 * Every row of the facts set (default test/eval/facts-set.yaml) is asked by a fresh resident.
 * In scope is right when the reply is a direct answer carrying every `must_contain` snippet;
 * out of scope is right when it is declined (small talk or fallback, nothing cited). Prints the
 * rates for all rows, rows typed with / without diacritics and each half, then every failure with
 * the first 120 characters of its reply. Default day FACTS_EVAL_DAY (fixed so runs compare).
 */
import { createFaqStore } from '../faq/create-faq-store.js';
import { evaluateFacts, FACTS_HALVES, loadFactsSet, rate, type FactsMetrics } from '../faq/evaluate-facts.js';
import { isIsoDay } from '../faq/yaml-reader.js';
import { createI18n } from '../i18n/create-i18n.js';
import { createSilentLogger } from '../shared/logger.js';
import { createAskSession } from './create-ask-session.js';
import { parseFlags } from './parse-flags.js';
import { contentDirFor } from './content-dir.js';

/** "Today" of the facts set: the 2022–2025 poverty standard still applies (until 31/12/2026). */
const FACTS_EVAL_DAY = '2026-11-29';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

function table(rows: [string, FactsMetrics][]): string {
  const head = 'set        n_in  correct answered  n_oos declined (answered)';
  const lines = rows.map(
    ([name, m]) =>
      `${name.padEnd(9)} ${String(m.inScope).padStart(5)} ${pct(rate(m.inScopeCorrect, m.inScope))}  ${pct(rate(m.inScopeAnswered, m.inScope))} ${String(m.outOfScope).padStart(6)} ${pct(rate(m.oosDeclined, m.outOfScope))}  (${m.oosAnswered})`,
  );
  return [head, ...lines].join('\n');
}

async function main(): Promise<number> {
  const usage = 'usage: npm run eval:facts [-- --set FILE] [--dir DIR] [--half A|B] [--date YYYY-MM-DD] [--json]';
  const values = parseFlags(
    {
      set: { type: 'string' },
      dir: { type: 'string' },
      half: { type: 'string' },
      date: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  );
  if (!values) return 2;
  const day = values.date ?? FACTS_EVAL_DAY;
  if ((values.half !== undefined && !(FACTS_HALVES as readonly string[]).includes(values.half)) || !isIsoDay(day)) {
    console.error(usage);
    return 2;
  }
  const at = Date.parse(`${day}T12:00:00+07:00`);
  const rows = loadFactsSet(values.set ?? 'test/eval/facts-set.yaml').filter(
    (r) => values.half === undefined || r.half === values.half,
  );
  const log = createSilentLogger();
  const faq = createFaqStore({
    contentDir: contentDirFor(values.dir),
    clock: { now: () => at },
    log,
    watch: false,
  });
  const session = createAskSession({ faq, t: createI18n().getFixedT('vi'), log, now: () => at });
  try {
    const report = await evaluateFacts(rows, (userId, q) => session.ask(userId, q));
    const failures = report.outcomes.filter((o) => !o.correct);
    if (values.json) {
      const { outcomes: _outcomes, ...metrics } = report;
      const failed = failures.map((o) => ({
        q: o.row.q,
        half: o.row.half,
        kind: o.reply.kind,
        id: o.reply.id,
        missing: o.missing,
      }));
      console.log(
        JSON.stringify({
          day,
          half: values.half ?? 'all',
          contentVersion: faq.current().version,
          ...metrics,
          failures: failed,
        }),
      );
      return 0;
    }
    console.log(
      `content ${faq.current().version}, ${rows.length} questions (half ${values.half ?? 'A+B'}), answered as on ${day}\n`,
    );
    const halves =
      values.half === undefined ? FACTS_HALVES.map((h): [string, FactsMetrics] => [`half ${h}`, report.halves[h]]) : [];
    console.log(table([['all', report.all], ['marked', report.marked], ['unmarked', report.unmarked], ...halves]));
    console.log(`\nfailures (${failures.length}):`);
    for (const o of failures) {
      const expected = o.row.outOfScope
        ? 'out of scope'
        : `${o.row.facts.join(',')} needs ${o.row.mustContain.map((s) => `"${s}"`).join(' ')}`;
      const lacking = o.missing.length > 0 ? ` missing ${o.missing.map((s) => `"${s}"`).join(' ')}` : '';
      console.log(
        `  [${o.row.half}] ${o.row.q}\n     expected ${expected}; got ${o.reply.kind}${o.reply.id ? ` ${o.reply.id}` : ''}${lacking}`,
      );
      console.log(`     ${o.reply.text.replace(/\s+/g, ' ').slice(0, 120)}`);
    }
    return 0;
  } finally {
    session.close();
    faq.close();
  }
}

process.exitCode = await main();
