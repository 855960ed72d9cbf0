import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document, type YAMLMap } from 'yaml';
import { keepLayout } from './keep-layout.js';

/**
 * A change the console makes to one node of a content file: add residents' phrasings to its
 * `questions`, or replace the text of its `answer` (of `versions[version]` when the node has dated
 * versions).
 */
export type NodeEdit =
  | { kind: 'addQuestions'; nodeId: string; texts: readonly string[] }
  | { kind: 'setAnswer'; nodeId: string; version: number | null; text: string };

export type NodeEditRefusal = 'unreadable' | 'node_not_found' | 'no_answer' | 'no_change';

export type NodeEditResult =
  { ok: true; text: string; added: string[]; skipped: string[] } | { ok: false; reason: NodeEditRefusal };

const PRINT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Same question for the duplicate check: case, spacing and Unicode form ignored, marks kept. */
function sameQuestion(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The mapping of node `id`: the file's top level (topic file) or an item of its `nodes:` list. */
export function findNodeMap(doc: Document, id: string): YAMLMap | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const idOf = (map: YAMLMap) => {
    const value = map.get('id', true);
    return isScalar(value) ? String(value.value) : undefined;
  };
  if (idOf(root) === id) return root;
  const nodes = root.get('nodes', true);
  if (!isSeq(nodes)) return undefined;
  return nodes.items.find((item): item is YAMLMap => isMap(item) && idOf(item) === id);
}

function addQuestions(doc: Document, map: YAMLMap, texts: readonly string[]) {
  const found = map.get('questions', true);
  if (found !== undefined && found !== null && !isSeq(found)) return undefined;
  let seq: YAMLSeq;
  if (isSeq(found)) seq = found;
  else {
    seq = new YAMLSeq();
    const empty = map.items.find((p) => isScalar(p.key) && p.key.value === 'questions');
    if (empty) empty.value = seq;
    else {
      const afterTitle = map.items.findIndex((p) => isScalar(p.key) && p.key.value === 'title') + 1;
      map.items.splice(afterTitle > 0 ? afterTitle : map.items.length, 0, doc.createPair('questions', seq));
    }
  }
  const known = new Set(seq.items.map((item) => (isScalar(item) ? sameQuestion(String(item.value)) : '')));
  const added: string[] = [];
  const skipped: string[] = [];
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (known.has(sameQuestion(text))) skipped.push(text);
    else {
      known.add(sameQuestion(text));
      seq.items.push(doc.createNode(text));
      added.push(text);
    }
  }
  return { added, skipped };
}

function setAnswer(map: YAMLMap, version: number | null, text: string): boolean {
  let holder: unknown = map;
  if (version !== null) {
    const versions = map.get('versions', true);
    holder = isSeq(versions) ? versions.items[version] : undefined;
  }
  const scalar = isMap(holder) ? holder.get('answer', true) : undefined;
  if (!isScalar(scalar) || typeof scalar.value !== 'string') return false;
  const old = scalar.value;
  const clean = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  scalar.value = old.endsWith('\n') ? `${clean}\n` : clean;
  return true;
}

/**
 * Applies `edit` to the text of a content file through the `yaml` document API (comments, order
 * and quoting kept), then splices the changed lines back into the original so that nothing else in
 * the file moves (see keepLayout). Pure: the caller checks the result and writes it.
 *
 * @example editNodeYaml(text, { kind: 'addQuestions', nodeId: 'bhyt-ho-ngheo', texts: ['the bhyt ho ngheo'] })
 */
export function editNodeYaml(original: string, edit: NodeEdit): NodeEditResult {
  const doc = parseDocument(original);
  if (doc.errors.length > 0) return { ok: false, reason: 'unreadable' };
  const rendered = doc.toString(PRINT);
  const map = findNodeMap(doc, edit.nodeId);
  if (!map) return { ok: false, reason: 'node_not_found' };
  let added: string[] = [];
  let skipped: string[] = [];
  if (edit.kind === 'addQuestions') {
    const result = addQuestions(doc, map, edit.texts);
    if (!result) return { ok: false, reason: 'unreadable' };
    ({ added, skipped } = result);
    if (added.length === 0) return { ok: false, reason: 'no_change' };
  } else if (!setAnswer(map, edit.version, edit.text)) {
    return { ok: false, reason: 'no_answer' };
  }
  const text = keepLayout(original, rendered, doc.toString(PRINT));
  if (text === original) return { ok: false, reason: 'no_change' };
  return { ok: true, text, added, skipped };
}
