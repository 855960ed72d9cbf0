/**
 * Try the FAQ content as a resident would, with no server and no network:
 *   npm run ask -- [--json] [--explain] [--dir CONTENT_DIR] [--date YYYY-MM-DD] < questions.txt
 * Each stdin line is one message of a resident's conversation, answered by the same dialog code
 * as the webhook (in-memory database, no flood limit, no buttons). So "1" picks item 1 of the list
 * just shown (of the main menu on the first line), exactly as in chat. A blank line ends the
 * conversation: the next line comes from a new resident (one conversation per run of lines). `--date` answers as on that
 * day at 12:00 Asia/Ho_Chi_Minh (date-dependent answers); default: now. `--dir` default ./content.
 * With --json, one object per line: {"question","kind","id","score","text"} where kind is
 * answer | suggestions (also any numbered menu) | smalltalk (also a hand-off reply) | fallback.
 * `--explain` adds why (an "explain" field with --json): the questions the message was read as,
 * the model's best candidates with their probability and the terms that weighed most.
 */
import readline from 'node:readline';
import { createFaqStore } from '../faq/content/create-faq-store.js';
import type { MatchExplanation } from '../faq/faq-types.js';
import { createI18n } from '../i18n/create-i18n.js';
import { createLogger } from '../shared/logger.js';
import { createAskSession, type AskLine } from './create-ask-session.js';
import { parseFlags } from './parse-flags.js';
import { contentDirFor } from './content-dir.js';

/** The resident of the n-th conversation (runs of lines separated by blank lines). */
const askUserId = (conversation: number): string => (conversation === 0 ? 'ask-cli' : `ask-cli-${conversation}`);

function formatHuman(line: AskLine): string {
  const score = line.score === null ? '' : ` ${line.score.toFixed(2)}`;
  return `› ${line.question}\n[${line.kind}${line.id ? ` ${line.id}` : ''}${score}]\n${line.text}\n\n`;
}

function formatExplanation(why: MatchExplanation): string {
  const lines = why.candidates.map(
    (c) =>
      `  ${(c.p * 100).toFixed(0).padStart(3)}% ${c.id}: ${c.terms.map((t) => `${t.term} (${t.weight})`).join(', ')}`,
  );
  const questions = why.questions.length > 1 ? [`  questions: ${why.questions.join(' | ')}`] : [];
  const trigger = why.trigger === undefined ? [] : [`  safety phrase: ${why.trigger}`];
  return [...trigger, ...questions, `  unknown words: ${(why.unknownShare * 100).toFixed(0)}%`, ...lines, '', ''].join(
    '\n',
  );
}

async function main(): Promise<number> {
  const t = createI18n().getFixedT('vi');
  const values = parseFlags(
    {
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      dir: { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    t('dialog:ask.usage'),
  );
  if (!values) return 2;
  if (values.help) {
    console.log(t('dialog:ask.usage'));
    return 0;
  }
  const fixedNow = values.date === undefined ? undefined : Date.parse(`${values.date}T12:00:00+07:00`);
  if (fixedNow !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date!) || Number.isNaN(fixedNow))) {
    console.error(t('dialog:ask.badDate', { date: values.date }));
    return 2;
  }
  const now = (): number => fixedNow ?? Date.now();
  const contentDir = contentDirFor(values.dir);
  const log = createLogger({ level: 'error', destination: process.stderr });
  let faq;
  try {
    faq = createFaqStore({ contentDir, clock: { now }, log, watch: false });
  } catch (err) {
    console.error(t('dialog:ask.contentError', { dir: contentDir, error: (err as Error).message }));
    return 1;
  }
  const session = createAskSession({ faq, t, log, now });
  let conversation = 0;
  let started = false;
  try {
    for await (const raw of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      const question = raw.trim();
      if (question.length === 0) {
        if (started) conversation += 1;
        started = false;
        continue;
      }
      started = true;
      const line = await session.ask(askUserId(conversation), question);
      const why = values.explain ? faq.current().explain(question, now()) : undefined;
      if (values.json) process.stdout.write(`${JSON.stringify(why ? { ...line, explain: why } : line)}\n`);
      else process.stdout.write(formatHuman(line) + (why ? formatExplanation(why) : ''));
    }
  } finally {
    faq.close();
    session.close();
  }
  return 0;
}

process.exitCode = await main();
