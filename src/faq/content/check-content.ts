import { PROPER_NAME, slotNames } from '../match/find-safety.js';
import type { FaqNode } from '../faq-types.js';
import type { LoadedContent } from './load-content.js';
import { normalizeVietnamese } from '../match/normalize-vietnamese.js';
import type { LoadedNode } from './read-node.js';
import { createStopwords, isStopword } from '../match/stopwords.js';
import { isDayWithin } from '../validity.js';
import type { Finding } from './yaml-reader.js';

/** Limits from docs/content-format.md ("Checker rules"); Zalo caps a text message at 2,000 characters. */
export const LIMITS = {
  answerMax: 2000,
  /** an answer longer than this should move its explanation to `details` ("Xem chi tiết") */
  answerWarn: 600,
  followUpsWarn: 3,
  titleMax: 100,
  menuMax: 12,
  menuWarn: 9,
  reviewMaxDays: 365,
  minQuestions: 2,
};
const ID = /^[a-z0-9-]+$/;
const DAY_MS = 86_400_000;
const FAR_PAST = '0000-01-01';

const overlaps = (
  a: { validFrom?: string; validUntil?: string },
  b: { validFrom?: string; validUntil?: string },
): boolean =>
  (a.validFrom ?? FAR_PAST) <= (b.validUntil ?? '9999-12-31') &&
  (b.validFrom ?? FAR_PAST) <= (a.validUntil ?? '9999-12-31');

/**
 * Largest number of children shown on one day from `today` on (children with disjoint windows
 * share a slot; expired ones no longer count).
 */
function menuSize(children: FaqNode[], today: string): number {
  const days = children.map((c) => (c.validFrom !== undefined && c.validFrom > today ? c.validFrom : today));
  return Math.max(0, ...days.map((day) => children.filter((o) => isDayWithin(day, o.validFrom, o.validUntil)).length));
}

/** Records findings about one node: at a given line of its file, or at the node's own line. */
function reporterFor(node: FaqNode, out: Finding[]) {
  return (line: number | undefined, severity: Finding['severity'], code: string, params: Finding['params'] = {}) => {
    out.push({
      severity,
      code,
      file: node.source.file,
      line: line ?? node.source.line,
      params: { id: node.id, ...params },
    });
  };
}

function checkNodeFields(l: LoadedNode, today: string, out: Finding[]): void {
  const { node, lines } = l;
  const at = reporterFor(node, out);
  if (!ID.test(node.id) || node.id === 'root') at(lines.id, 'error', 'BAD_ID');
  if (node.title.length > LIMITS.titleMax)
    at(lines.title, 'error', 'TITLE_TOO_LONG', { length: node.title.length, max: LIMITS.titleMax });
  if (node.validFrom && node.validUntil && node.validFrom > node.validUntil)
    at(lines.valid_from, 'error', 'BAD_VALIDITY');
  if (node.validUntil && node.validUntil < today)
    at(lines.valid_until, 'warning', 'UNREACHABLE', { reason: 'expired' });
  if (node.kind === 'topic') return;
  if (lines.answer === undefined && lines.versions === undefined) at(lines.node, 'error', 'MISSING_ANSWER');
  node.versions.forEach((v, i) => {
    const line = l.versionLines[i];
    if (v.text.length > LIMITS.answerMax)
      at(line, 'error', 'ANSWER_TOO_LONG', { length: v.text.length, max: LIMITS.answerMax });
    else if (v.text.length > LIMITS.answerWarn)
      at(line, 'warning', 'ANSWER_LONG', { length: v.text.length, max: LIMITS.answerWarn });
    if (v.details && v.details.length > LIMITS.answerMax)
      at(line, 'error', 'ANSWER_TOO_LONG', { length: v.details.length, max: LIMITS.answerMax });
    if (v.validFrom && v.validUntil && v.validFrom > v.validUntil) at(line, 'error', 'BAD_VALIDITY');
    const clash = node.versions.findIndex((o, j) => j < i && overlaps(o, v));
    if (clash >= 0) at(line, 'error', 'VERSIONS_OVERLAP', { other: l.versionLines[clash] ?? node.source.line });
  });
  if (node.kind === 'smalltalk') return;
  if (node.followUps.length > LIMITS.followUpsWarn)
    at(lines.follow_ups, 'warning', 'FOLLOW_UPS_MANY', { count: node.followUps.length, max: LIMITS.followUpsWarn });
  if (node.versions.length > 0 && !l.hasLegalBasis) at(lines.node, 'warning', 'MISSING_LEGAL_BASIS');
  if (!node.reviewed) {
    if (lines.reviewed === undefined) at(lines.node, 'warning', 'REVIEW_MISSING');
  } else {
    const days = Math.floor((Date.parse(today) - Date.parse(node.reviewed)) / DAY_MS);
    if (days > LIMITS.reviewMaxDays) at(lines.reviewed, 'warning', 'REVIEW_STALE', { days, max: LIMITS.reviewMaxDays });
  }
  if (node.questions.length < LIMITS.minQuestions)
    at(lines.questions ?? lines.node, 'warning', 'FEW_QUESTIONS', { min: LIMITS.minQuestions });
}

function checkGraph(nodes: LoadedNode[], today: string, out: Finding[]): void {
  const byId = new Map<string, LoadedNode>();
  for (const l of nodes) {
    const first = byId.get(l.node.id);
    if (first) {
      out.push({
        severity: 'error',
        code: 'DUPLICATE_ID',
        file: l.node.source.file,
        line: l.lines.id ?? l.node.source.line,
        params: { id: l.node.id, other: `${first.node.source.file}:${first.node.source.line}` },
      });
    } else byId.set(l.node.id, l);
  }
  const children = new Map<string | null, FaqNode[]>();
  for (const l of byId.values()) {
    const { node, lines } = l;
    const at = reporterFor(node, out);
    if (node.parent !== null) {
      const parent = byId.get(node.parent)?.node;
      if (!parent) at(lines.parent, 'error', 'DANGLING_PARENT', { parent: node.parent });
      else if (parent.kind !== 'topic') at(lines.parent, 'error', 'PARENT_NOT_TOPIC', { parent: node.parent });
      else if (!overlaps(parent, node))
        at(lines.parent ?? lines.node, 'warning', 'UNREACHABLE', { reason: 'parent_window' });
    }
    for (const target of node.followUps) {
      if (!byId.has(target)) at(lines.follow_ups, 'error', 'DANGLING_FOLLOW_UP', { target });
    }
    let cursor: string | null = node.parent;
    for (let steps = 0; cursor !== null && steps <= byId.size; steps += 1) {
      if (cursor === node.id) {
        at(lines.parent, 'error', 'PARENT_CYCLE');
        break;
      }
      cursor = byId.get(cursor)?.node.parent ?? null;
    }
    if (node.kind !== 'smalltalk') children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  for (const [parentId, list] of children) {
    const size = menuSize(list, today);
    const owner = parentId === null ? list[0]! : byId.get(parentId)?.node;
    if (!owner) continue;
    const params = { id: parentId ?? 'root', size, max: size > LIMITS.menuMax ? LIMITS.menuMax : LIMITS.menuWarn };
    if (size > LIMITS.menuMax)
      out.push({ severity: 'error', code: 'MENU_TOO_LONG', file: owner.source.file, line: owner.source.line, params });
    else if (size > LIMITS.menuWarn)
      out.push({ severity: 'warning', code: 'MENU_LONG', file: owner.source.file, line: owner.source.line, params });
  }
  for (const l of byId.values()) {
    if (l.node.kind === 'topic' && !children.has(l.node.id)) {
      out.push({
        severity: 'warning',
        code: 'EMPTY_TOPIC',
        file: l.node.source.file,
        line: l.node.source.line,
        params: { id: l.node.id },
      });
    }
  }
}

function checkSynonyms(loaded: LoadedContent, out: Finding[]): void {
  const stopwords = createStopwords(loaded.synonyms.stopwordsExtra);
  const isStopPhrase = (text: string): boolean => {
    const { syllables, typedWithDiacritics } = normalizeVietnamese(text);
    return syllables.length > 0 && syllables.every((s) => isStopword(s, typedWithDiacritics, stopwords));
  };
  const expansion = (section: string, key: string): string[] => {
    const s = loaded.synonyms;
    if (section === 'abbreviations') return [s.abbreviations[key] ?? ''];
    if (section === 'chat') return [s.chat[key] ?? ''];
    if (section === 'ambiguous') return s.ambiguous[key] ?? [];
    return [s.groups.find((g) => g.includes(key))?.[0] ?? ''];
  };
  const seen = new Map<string, string>();
  for (const k of loaded.synonymKeys) {
    const norm = normalizeVietnamese(k.key)
      .syllables.map((s) => s.accented)
      .join(' ');
    const first = seen.get(norm);
    const warn = (code: string, params: Finding['params']): void => {
      out.push({ severity: 'warning', code, file: k.file, line: k.line, params: { key: k.key, ...params } });
    };
    if (first) warn('SYNONYM_COLLISION', { other: first });
    else seen.set(norm, `${k.section}:${k.key}`);
    if (isStopPhrase(k.key) && !expansion(k.section, k.key).every(isStopPhrase)) warn('SYNONYM_STOPWORD', {});
  }
}

const foldedText = (text: string): string =>
  ` ${normalizeVietnamese(text)
    .syllables.map((s) => s.folded)
    .join(' ')} `;

/**
 * An office that no longer exists (synonyms.yaml `abolished_offices`) named in an answer, outside a
 * sentence that says it was abolished or merged (`abolished_cues`): residents would go there.
 */
function checkAbolishedOffices(loaded: LoadedContent, out: Finding[]): void {
  const offices = loaded.synonyms.abolishedOffices.map((o) => ({ name: o, key: foldedText(o) }));
  const cues = loaded.synonyms.abolishedCues.map(foldedText);
  if (offices.length === 0) return;
  for (const l of loaded.nodes) {
    const at = reporterFor(l.node, out);
    l.node.versions.forEach((v, i) => {
      const sentences = `${v.text}\n${v.details ?? ''}`.split(/[.!?;\n]+/u).map(foldedText);
      for (const sentence of sentences) {
        const office = offices.find((o) => sentence.includes(o.key));
        if (office && !cues.some((c) => sentence.includes(c)))
          at(l.versionLines[i], 'warning', 'ABOLISHED_OFFICE', { office: office.name });
      }
    });
  }
}

/** A safety trigger or `unless` phrase naming a word list (`{name}`) that synonyms.yaml `safety_words` lacks. */
function checkSafetyWordLists(loaded: LoadedContent, out: Finding[]): void {
  const known = new Set([...Object.keys(loaded.synonyms.safetyWords), PROPER_NAME].map(foldedText));
  for (const l of loaded.nodes) {
    const at = reporterFor(l.node, out);
    for (const [key, phrases] of [
      ['triggers', l.node.triggers],
      ['unless', l.node.unless],
      ['unless_earlier', l.node.unlessEarlier ?? []],
      ['unless_later', l.node.unlessLater ?? []],
    ] as const) {
      for (const phrase of phrases) {
        for (const name of slotNames(phrase)) {
          if (!known.has(foldedText(name))) at(l.lines[key], 'error', 'UNKNOWN_SAFETY_WORDS', { name, phrase });
        }
      }
    }
  }
}

/**
 * Runs every rule of docs/content-format.md "Checker rules" over loaded content and returns the
 * loader's findings plus the cross-file ones, sorted by file and line. `today` (YYYY-MM-DD,
 * Asia/Ho_Chi_Minh) judges stale reviews and expired nodes.
 */
export function checkContent(loaded: LoadedContent, today: string): Finding[] {
  const out: Finding[] = [...loaded.findings];
  for (const l of loaded.nodes) checkNodeFields(l, today, out);
  checkGraph(loaded.nodes, today, out);
  checkSynonyms(loaded, out);
  checkAbolishedOffices(loaded, out);
  checkSafetyWordLists(loaded, out);
  return out.sort(byPlace);
}

/** Orders findings (or diagnostics) by file, then line. */
export const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
