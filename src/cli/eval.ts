/**
 * Measures the matcher on the labelled evaluation set (developer tool):
 *   npm run eval [-- --dir CONTENT_DIR] [--set FILE] [--split dev|test|holdout|all] [--date YYYY-MM-DD] [--fold] [--json] [--misses]
 * Prints top-1 accuracy, top-3 recall, answer precision and rate, out-of-scope decline rate and
 * small-talk accuracy, for all questions and separately for those typed with and without
 * diacritics, then the most frequent confusions. Defaults: ./content, test/eval/questions.yaml,
 * all splits, the eval day EVAL_DAY (fixed so runs are comparable). --misses lists every miss;
 * --fold also asks every question typed with diacritics without them (unmarked twins).
 */
import { createFaqStore } from '../faq/create-faq-store.js';
import { EVAL_DAY, evaluateMatcher, withUnmarkedTwins, type EvalMetrics } from '../faq/evaluate-matcher.js';
import { loadEvalSet } from '../faq/load-eval-set.js';
import { isIsoDay } from '../faq/yaml-reader.js';
import { createSilentLogger } from '../shared/logger.js';
import { parseFlags } from './parse-flags.js';
import { contentDirFor } from './content-dir.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

function table(rows: [string, EvalMetrics][]): string {
  const head = 'set        n_in  top-1  top-3 answered a-rate a-prec  n_oos declined (ans/sug)  n_st  smalltalk';
  const lines = rows.map(
    ([name, m]) =>
      `${name.padEnd(9)} ${String(m.inScope).padStart(5)} ${pct(m.top1)}${pct(m.top3)} ${pct(m.answeredCorrect)}${pct(m.answerRate)}${pct(m.answerPrecision)} ${String(m.outOfScope).padStart(5)} ${pct(m.oosDeclined)}  (${m.oosAnswered}/${m.oosSuggested})${String(m.smalltalk).padStart(9)} ${pct(m.smalltalkCorrect)}`,
  );
  return [head, ...lines].join('\n');
}

function main(): number {
  const usage =
    'usage: npm run eval [-- --dir DIR] [--set FILE] [--split dev|test|holdout|all] [--date YYYY-MM-DD] [--fold] [--json] [--misses]';
  const values = parseFlags(
    {
      dir: { type: 'string' },
      set: { type: 'string' },
      split: { type: 'string' },
      date: { type: 'string' },
      fold: { type: 'boolean' },
      json: { type: 'boolean' },
      misses: { type: 'boolean' },
    },
    usage,
  );
  if (!values) return 2;
  const split = values.split ?? 'all';
  const day = values.date ?? EVAL_DAY;
  if (!['dev', 'test', 'holdout', 'all'].includes(split) || !isIsoDay(day)) {
    console.error(usage);
    return 2;
  }
  const at = Date.parse(`${day}T12:00:00+07:00`);
  const store = createFaqStore({
    contentDir: contentDirFor(values.dir),
    clock: { now: () => at },
    log: createSilentLogger(),
    watch: false,
  });
  const snapshot = store.current();
  const chosen = loadEvalSet(values.set ?? 'test/eval/questions.yaml', snapshot).filter(
    (r) => split === 'all' || (r.split ?? 'dev') === split,
  );
  const rows = values.fold ? withUnmarkedTwins(chosen) : chosen;
  const report = evaluateMatcher(snapshot, rows, at);
  if (values.json) {
    const { outcomes, ...rest } = report;
    console.log(
      JSON.stringify({
        split,
        day,
        contentVersion: snapshot.version,
        ...rest,
        misses: outcomes.filter((o) => !o.correct).length,
      }),
    );
    return 0;
  }
  console.log(
    `content ${snapshot.version}, ${rows.length} questions (split ${split}${values.fold ? ', with unmarked twins' : ''}), answered as on ${day}\n`,
  );
  console.log(
    table([
      ['all', report.all],
      ['marked', report.marked],
      ['unmarked', report.unmarked],
    ]),
  );
  console.log('\nconfusions (expected → top-1):');
  for (const c of report.confusion.slice(0, 15)) console.log(`  ${c.count}× ${c.expected} → ${c.got}`);
  if (values.misses) {
    console.log('\nmisses:');
    for (const o of report.outcomes.filter((x) => !x.correct)) {
      console.log(
        `  [${o.row.expect}] ${o.row.q}\n     → ${o.result.kind} ${o.ranked.slice(0, 3).join(', ')} (${o.result.score})`,
      );
    }
  }
  return 0;
}

process.exitCode = main();
