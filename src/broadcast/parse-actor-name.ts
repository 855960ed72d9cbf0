import { actorIdentity } from './same-actor.js';

/** Longest actor name, in characters (code points) after cleaning. */
export const MAX_ACTOR_NAME_CHARS = 100;

/** Names the software itself writes to the audit log: no official may act under them. */
const RESERVED = ['system', 'cli', 'sandbox'].map(actorIdentity);

/** Why a name was refused; each has a message at `broadcast:actorName.<reason>`. */
export type ActorNameProblem =
  'empty' | 'too_long' | 'control' | 'invisible' | 'compatibility' | 'mixed_scripts' | 'reserved';

export type ActorNameResult = { ok: true; name: string } | { ok: false; problem: ActorNameProblem };

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Hebrew',
  'Arabic',
  'Thai',
  'Lao',
  'Khmer',
  'Devanagari',
  'Ethiopic',
];
const SCRIPT_TESTS = [
  ...SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const),
  // one writing system that legitimately mixes scripts
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u] as const,
];

function scriptOf(letter: string): string {
  return SCRIPT_TESTS.find(([, re]) => re.test(letter))?.[0] ?? 'Other';
}

/**
 * Checks and cleans the name of an official acting on campaigns (drafter, editor, approver). The
 * result is NFC with runs of white space made one space. Refused: empty or longer than 100
 * characters; control characters (a line break would forge an audit line); invisible format
 * characters (zero-width spaces, bidi controls); compatibility forms (fullwidth "Ｌan", ligatures,
 * circled letters), which only imitate ordinary letters; letters from more than one script (a
 * Cyrillic "а" in a Latin name); and the software's own names ("system", "cli", "sandbox").
 *
 * @example parseActorName('  Nguyễn  Thị Lan ') // { ok: true, name: 'Nguyễn Thị Lan' }
 */
export function parseActorName(raw: unknown): ActorNameResult {
  if (typeof raw !== 'string') return { ok: false, problem: 'empty' };
  if (/\p{Cc}/u.test(raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''))) return { ok: false, problem: 'control' };
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if ([...name].length > MAX_ACTOR_NAME_CHARS) return { ok: false, problem: 'too_long' };
  if (/[\p{Cf}\u115F\u1160\u3164\uFFA0]|\u034F|[\uFE00-\uFE0F]/u.test(name)) return { ok: false, problem: 'invisible' };
  if ([...name].some((ch) => ch.normalize('NFKC') !== ch)) return { ok: false, problem: 'compatibility' };
  const scripts = new Set([...name].filter((ch) => /\p{L}/u.test(ch)).map(scriptOf));
  if (scripts.size > 1) return { ok: false, problem: 'mixed_scripts' };
  if (RESERVED.includes(actorIdentity(name))) return { ok: false, problem: 'reserved' };
  return { ok: true, name };
}
