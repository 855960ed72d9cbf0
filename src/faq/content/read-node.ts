import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { AnswerVersion, FaqNode, LegalBasis, NodeKind, SmalltalkIntent } from '../faq-types.js';
import type { YamlReader } from './yaml-reader.js';

/** A node as read from a file, with what the checker needs beyond FaqNode. */
export interface LoadedNode {
  node: FaqNode;
  /** line of each key present (and `node` for the node itself) */
  lines: Record<string, number>;
  /** line of each entry of `versions` */
  versionLines: number[];
  /** whether every answer version names a legal basis */
  hasLegalBasis: boolean;
}

const COMMON = ['id', 'kind', 'title', 'order', 'parent', 'questions', 'keywords', 'valid_from', 'valid_until'];
const ANSWER = [...COMMON, 'answer', 'details', 'versions', 'legal_basis', 'reviewed', 'contact', 'follow_ups', 'facts'];
const ALLOWED_KEYS: Record<'topicFile' | 'topic' | 'answer' | 'smalltalk', readonly string[]> = {
  topicFile: [...COMMON, 'intro', 'nodes'],
  topic: [...COMMON, 'intro'],
  answer: ANSWER,
  smalltalk: [
    'id',
    'kind',
    'intent',
    'title',
    'questions',
    'keywords',
    'triggers',
    'unless',
    'unless_earlier',
    'unless_later',
    'urgent',
    'contact',
    'answer',
    'valid_from',
    'valid_until',
  ],
};
const VERSION_KEYS = ['valid_from', 'valid_until', 'answer', 'details', 'legal_basis'];
const LEGAL_KEYS = ['document', 'article'];
export const INTENTS: readonly SmalltalkIntent[] = [
  'greeting',
  'thanks',
  'goodbye',
  'bot',
  'abuse',
  'scam',
  'privacy',
  'emergency',
  'out_of_scope',
];
const KINDS: readonly NodeKind[] = ['topic', 'answer', 'smalltalk'];
/** order of nodes that give none: after every ordered sibling */
const UNORDERED = 9999;

type Entry = { value: Node | null; line: number };

function readLegalBasis(reader: YamlReader, entry: Entry | undefined): LegalBasis[] {
  if (!entry) return [];
  const items = isSeq(entry.value) ? (entry.value.items as (Node | null)[]) : [entry.value];
  const out: LegalBasis[] = [];
  for (const item of items) {
    const line = reader.lineOf(item) || entry.line;
    if (isScalar(item)) {
      const document = reader.string({ value: item, line }, 'legal_basis');
      if (document) out.push({ document });
    } else if (isMap(item)) {
      const fields = reader.entries(item, LEGAL_KEYS, 'legal_basis');
      const document = reader.string(fields.get('document'), 'document');
      const article = reader.string(fields.get('article'), 'article');
      if (!document) reader.error(line, 'MISSING_FIELD', { key: 'document' });
      else out.push(article ? { document, article } : { document });
    } else {
      reader.error(line, 'BAD_VALUE', { key: 'legal_basis', expected: 'legal_basis' });
    }
  }
  return out;
}

function readVersions(reader: YamlReader, entry: Entry): { versions: AnswerVersion[]; lines: number[] } {
  const versions: AnswerVersion[] = [];
  const lines: number[] = [];
  if (!isSeq(entry.value)) {
    reader.error(entry.line, 'BAD_VALUE', { key: 'versions', expected: 'list' });
    return { versions, lines };
  }
  for (const item of entry.value.items as (Node | null)[]) {
    const line = reader.lineOf(item);
    const map = reader.map(item, 'versions', line);
    if (!map) continue;
    const f = reader.entries(map, VERSION_KEYS, 'versions');
    const text = reader.string(f.get('answer'), 'answer');
    if (text === undefined) {
      if (!f.has('answer')) reader.error(line, 'MISSING_VERSION_ANSWER', {});
      continue;
    }
    const validFrom = reader.day(f.get('valid_from'), 'valid_from');
    const validUntil = reader.day(f.get('valid_until'), 'valid_until');
    const details = reader.string(f.get('details'), 'details');
    versions.push({
      text,
      ...(details ? { details } : {}),
      legalBasis: readLegalBasis(reader, f.get('legal_basis')),
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
    });
    lines.push(line);
  }
  return { versions, lines };
}

/**
 * Reads one node mapping. `defaults` gives the kind and parent implied by where the node sits
 * (a topic file's top level, its `nodes:` list, smalltalk.yaml). Returns undefined when the node
 * has no usable id; every problem becomes a finding on `reader`.
 */
export function readNode(
  reader: YamlReader,
  map: YAMLMap,
  defaults: { kind: NodeKind; parent: string | null; topLevel: boolean },
): LoadedNode | undefined {
  const nodeLine = reader.lineOf(map);
  const kindEntry = map.get('kind', true) as Node | undefined;
  const kindValue = isScalar(kindEntry) ? String(kindEntry.value) : defaults.kind;
  const kind = (KINDS as readonly string[]).includes(kindValue) ? (kindValue as NodeKind) : defaults.kind;
  const allowed = defaults.topLevel
    ? ALLOWED_KEYS.topicFile
    : kind === 'topic'
      ? ALLOWED_KEYS.topic
      : kind === 'smalltalk'
        ? ALLOWED_KEYS.smalltalk
        : ALLOWED_KEYS.answer;
  const f = reader.entries(map, allowed, kind);
  const lines: Record<string, number> = { node: nodeLine };
  for (const [key, entry] of f) lines[key] = entry.line;

  if (
    kindValue !== kind ||
    (defaults.topLevel && kind !== 'topic') ||
    (defaults.kind === 'smalltalk') !== (kind === 'smalltalk')
  ) {
    reader.error(lines.kind ?? nodeLine, 'BAD_KIND', { value: kindValue, expected: defaults.kind });
  }
  const id = reader.string(f.get('id'), 'id');
  if (id === undefined) {
    if (!f.has('id')) reader.error(nodeLine, 'MISSING_ID', {});
    return undefined;
  }
  const title = reader.string(f.get('title'), 'title');
  if (title === undefined && !f.has('title')) reader.error(nodeLine, 'MISSING_TITLE', { id });

  const parentValue = reader.string(f.get('parent'), 'parent');
  const parent = parentValue === undefined ? defaults.parent : parentValue === 'root' ? null : parentValue;
  const intentValue = reader.string(f.get('intent'), 'intent');
  if (kind === 'smalltalk' && !(INTENTS as readonly string[]).includes(intentValue ?? '')) {
    reader.error(lines.intent ?? nodeLine, 'BAD_INTENT', { id, value: intentValue ?? '', allowed: INTENTS.join(', ') });
  }

  const answer = reader.string(f.get('answer'), 'answer');
  const details = reader.string(f.get('details'), 'details');
  const legalBasis = readLegalBasis(reader, f.get('legal_basis'));
  const versionsEntry = f.get('versions');
  const read = versionsEntry ? readVersions(reader, versionsEntry) : { versions: [], lines: [] };
  if (answer !== undefined && versionsEntry) reader.error(lines.versions!, 'ANSWER_AND_VERSIONS', { id });
  if (legalBasis.length > 0 && versionsEntry) reader.error(lines.legal_basis!, 'LEGAL_BASIS_AND_VERSIONS', { id });
  if (details !== undefined && versionsEntry) reader.error(lines.details!, 'ANSWER_AND_VERSIONS', { id });
  const versions = answer !== undefined ? [{ text: answer, legalBasis, ...(details ? { details } : {}) }] : read.versions;

  const validFrom = reader.day(f.get('valid_from'), 'valid_from');
  const validUntil = reader.day(f.get('valid_until'), 'valid_until');
  const reviewed = reader.day(f.get('reviewed'), 'reviewed');
  const intro = reader.string(f.get('intro'), 'intro');
  const contact = reader.string(f.get('contact'), 'contact');
  const node: FaqNode = {
    id,
    kind,
    parent: kind === 'smalltalk' ? null : parent,
    order: reader.number(f.get('order'), 'order') ?? UNORDERED,
    title: title ?? id,
    questions: reader.strings(f.get('questions'), 'questions') ?? [],
    keywords: reader.strings(f.get('keywords'), 'keywords') ?? [],
    versions: kind === 'topic' ? [] : versions,
    followUps: reader.strings(f.get('follow_ups'), 'follow_ups') ?? [],
    facts: reader.strings(f.get('facts'), 'facts') ?? [],
    triggers: reader.strings(f.get('triggers'), 'triggers') ?? [],
    unless: reader.strings(f.get('unless'), 'unless') ?? [],
    ...optionalList('unlessEarlier', reader.strings(f.get('unless_earlier'), 'unless_earlier')),
    ...optionalList('unlessLater', reader.strings(f.get('unless_later'), 'unless_later')),
    source: { file: reader.file, line: nodeLine },
    ...(intro ? { intro } : {}),
    ...(reviewed ? { reviewed } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    ...(contact ? { contact } : {}),
    ...(kind === 'smalltalk' && intentValue ? { intent: intentValue as SmalltalkIntent } : {}),
    ...(kind === 'smalltalk' && reader.boolean(f.get('urgent'), 'urgent') ? { urgent: true } : {}),
  };
  return {
    node,
    lines,
    versionLines: answer !== undefined ? [lines.answer ?? nodeLine] : read.lines,
    hasLegalBasis: versions.length > 0 && versions.every((v) => v.legalBasis.length > 0),
  };
}

/** An optional list field: present only when the file has it. */
function optionalList<K extends string>(key: K, list: string[] | undefined): Partial<Record<K, string[]>> {
  return list && list.length > 0 ? ({ [key]: list } as Partial<Record<K, string[]>>) : {};
}
