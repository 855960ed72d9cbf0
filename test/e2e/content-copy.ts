import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');

interface RawNode {
  id?: string;
  kind?: string;
  title?: string;
  intro?: string;
  order?: number;
  parent?: string;
  nodes?: RawNode[];
}

/** Copies the real `content/` into `dest` (created), so a test can edit it without touching the repository. */
export function copyContent(dest: string): string {
  fs.cpSync(CONTENT_DIR, dest, { recursive: true });
  return dest;
}

/** The YAML file under `contentDir` that defines node `id` (what `grep -rl "id: <id>"` would find). */
export function fileDefiningNode(contentDir: string, id: string): string {
  const line = new RegExp(`^\\s*(-\\s+)?id:\\s*${id}\\s*$`, 'm');
  const files = fs.readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
  const found = files.map((f) => path.join(contentDir, f)).filter((f) => line.test(fs.readFileSync(f, 'utf8')));
  if (found.length !== 1) throw new Error(`expected one file defining ${id}, found ${found.length}`);
  return found[0]!;
}

/**
 * Appends `sentence` as a last line to every `answer: |` block of node `id` in a YAML text (every dated
 * version, so the edit shows whatever the day), keeping the rest byte for byte.
 */
export function appendToAnswers(yamlText: string, id: string, sentence: string): string {
  const lines = yamlText.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*-\\s+id:\\s*${id}\\s*$`).test(l));
  if (start < 0) throw new Error(`node ${id} not found`);
  const itemIndent = lines[start]!.indexOf('-');
  let edits = 0;
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.trim() && indentOf(line) <= itemIndent) break; // the next node (or the end of the list)
    if (!/^\s*answer:\s*\|\s*$/.test(line)) continue;
    const blockIndent = indentOf(lines[i + 1] ?? '');
    let last = i + 1;
    for (let j = i + 1; j < lines.length && (!lines[j]!.trim() || indentOf(lines[j]!) >= blockIndent); j += 1) {
      if (lines[j]!.trim()) last = j;
    }
    lines.splice(last + 1, 0, `${' '.repeat(blockIndent)}${sentence}`);
    edits += 1;
  }
  if (edits === 0) throw new Error(`node ${id} has no "answer: |" block`);
  return lines.join('\n');
}

/** The first topic of the main menu (lowest `order` among root topics) and the first item of its menu. */
export function firstTopicMenu(contentDir: string): { title: string; heading: string; firstItem: string } {
  const faqDir = path.join(contentDir, 'faq');
  const files = fs.readdirSync(faqDir).filter((f) => f.endsWith('.yaml'));
  const topics = files.map((f) => parse(fs.readFileSync(path.join(faqDir, f), 'utf8')) as RawNode);
  const byOrder = (a: RawNode, b: RawNode): number =>
    (a.order ?? 0) - (b.order ?? 0) || String(a.id).localeCompare(String(b.id));
  const topic = topics.filter((t) => !t.parent || t.parent === 'root').sort(byOrder)[0];
  const item = (topic?.nodes ?? []).filter((n) => !n.parent || n.parent === topic?.id).sort(byOrder)[0];
  if (!topic?.title || !item?.title) throw new Error('content has no first topic with an item');
  return { title: topic.title, heading: topic.intro?.trim() || topic.title, firstItem: item.title };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
