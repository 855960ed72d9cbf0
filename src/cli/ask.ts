/**
 * Try the FAQ content as a resident would, with no server and no network:
 *   npm run ask -- [--json] [--dir CONTENT_DIR] [--date YYYY-MM-DD] < questions.txt
 * Each stdin line is one message of ONE resident's conversation, answered by the same dialog code
 * as the webhook (in-memory database, no flood limit, no buttons). So "1" picks item 1 of the list
 * just shown (of the main menu on the first line), exactly as in chat. `--date` answers as on that
 * day at 12:00 Asia/Ho_Chi_Minh (date-dependent answers); default: now. `--dir` default ./content.
 * With --json, one object per line: {"question","kind","id","score","text"} where kind is
 * answer | suggestions (also any numbered menu) | smalltalk (also a hand-off reply) | fallback.
 */
import path from 'node:path';
import readline from 'node:readline';
import type { DialogOutcome } from '../bot/dialog.js';
import { createFaqDialog } from '../bot/dialog/create-faq-dialog.js';
import { createFaqStore } from '../faq/create-faq-store.js';
import { createI18n } from '../i18n/create-i18n.js';
import { createLogger } from '../shared/logger.js';
import { openDatabase } from '../storage/open-database.js';
import { parseFlags } from './parse-flags.js';

type AskKind = 'answer' | 'suggestions' | 'smalltalk' | 'fallback';

/** The `npm run ask -- --json` line (design.md contract). */
interface AskLine {
  question: string;
  kind: AskKind;
  id: string | null;
  score: number | null;
  text: string;
}

const ASK_USER_ID = 'ask-cli';

/** The dialog's richer outcome folded into the contract's four kinds. */
const ASK_KIND: Record<DialogOutcome['kind'], AskKind> = {
  answer: 'answer',
  suggestions: 'suggestions',
  menu: 'suggestions',
  smalltalk: 'smalltalk',
  handoff: 'smalltalk',
  fallback: 'fallback',
  silent: 'fallback',
  flood: 'fallback',
};

function formatHuman(line: AskLine): string {
  const score = line.score === null ? '' : ` ${line.score.toFixed(2)}`;
  return `› ${line.question}\n[${line.kind}${line.id ? ` ${line.id}` : ''}${score}]\n${line.text}\n\n`;
}

async function main(): Promise<number> {
  const t = createI18n().getFixedT('vi');
  const values = parseFlags(
    {
      json: { type: 'boolean' },
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
  const contentDir = path.resolve(values.dir ?? 'content');
  const log = createLogger({ level: 'warn', destination: process.stderr });
  let faq;
  try {
    faq = createFaqStore({ contentDir, clock: { now }, log, watch: false });
  } catch (err) {
    console.error(t('dialog:ask.contentError', { dir: contentDir, error: (err as Error).message }));
    return 1;
  }
  const db = openDatabase(':memory:');
  const dialog = createFaqDialog({
    faq,
    db,
    t,
    log,
    options: { buttons: false, flood: { max: Infinity, windowMs: 1 } },
  });
  try {
    for await (const raw of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      const question = raw.trim();
      if (question.length === 0) continue;
      const reply = await dialog.respond(ASK_USER_ID, { kind: 'text', text: question }, now());
      const line: AskLine = {
        question,
        kind: ASK_KIND[reply.outcome.kind],
        id: reply.outcome.id ?? null,
        score: reply.outcome.score ?? null,
        text: reply.messages.map((m) => m.text).join('\n\n'),
      };
      process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : formatHuman(line));
    }
  } finally {
    faq.close();
    db.close();
  }
  return 0;
}

process.exitCode = await main();
