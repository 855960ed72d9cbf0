import fs from 'node:fs';
import path from 'node:path';
import { isScalar, isSeq, type Node } from 'yaml';
import type { HouseholdCriteria } from '../../household/household-criteria.js';
import type { HandoffConfig } from '../../bot/dialog/handoff-config.js';
import { readNode, type LoadedNode } from './read-node.js';
import { EMPTY_SYNONYMS, type SynonymsData } from '../match/synonym-table.js';
import { YamlReader, type Finding } from './yaml-reader.js';

/** A synonym key with where it was written (for collision warnings). */
export interface SynonymKey {
  section: 'abbreviations' | 'chat' | 'ambiguous' | 'synonyms';
  key: string;
  file: string;
  line: number;
}

export interface ContentFile {
  /** path shown in diagnostics: CONTENT_DIR joined with the file's relative path */
  file: string;
  text: string;
}

/** Everything read from CONTENT_DIR, before the checker's cross-file rules. */
export interface LoadedContent {
  contentDir: string;
  files: ContentFile[];
  nodes: LoadedNode[];
  synonyms: SynonymsData;
  synonymKeys: SynonymKey[];
  /** stories.yaml: sentences residents tell before their question (the matcher learns to look past them) */
  stories: string[];
  /** shape problems found while reading (syntax, unknown keys, bad values) */
  findings: Finding[];
  /** household-check.yaml, when present and free of errors (set by src/household/load-household-check.ts) */
  household?: HouseholdCriteria;
  /** handoff.yaml, when present and free of errors (set by check-content-dir.ts) */
  handoff?: HandoffConfig;
}

const SYNONYMS_FILE = 'synonyms.yaml';
const SMALLTALK_FILE = 'smalltalk.yaml';
const STORIES_FILE = 'stories.yaml';
const TOPICS_DIR = 'faq';
const SYNONYM_SECTIONS = [
  'abbreviations',
  'chat',
  'ambiguous',
  'synonyms',
  'stopwords_extra',
  'places',
  'abolished_offices',
  'abolished_cues',
  'safety_words',
];

/** Topic files under faq/ (recursively), in name order. */
function topicFiles(contentDir: string): string[] {
  const dir = path.join(contentDir, TOPICS_DIR);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(TOPICS_DIR, f))
    .sort();
}

function readTopicFile(reader: YamlReader, out: LoadedNode[]): void {
  const map = reader.root === undefined ? undefined : reader.map(reader.root, 'topic', 1);
  if (!map) return;
  const topic = readNode(reader, map, { kind: 'topic', parent: null, topLevel: true });
  if (topic) out.push(topic);
  const nodes = map.get('nodes', true) as Node | undefined;
  if (nodes === undefined) return;
  if (!isSeq(nodes)) {
    reader.error(reader.lineOf(nodes), 'BAD_VALUE', { key: 'nodes', expected: 'list' });
    return;
  }
  for (const item of nodes.items as (Node | null)[]) {
    const child = reader.map(item, 'nodes', reader.lineOf(nodes));
    const loaded =
      child && readNode(reader, child, { kind: 'answer', parent: topic?.node.id ?? null, topLevel: false });
    if (loaded) out.push(loaded);
  }
}

function readSmalltalkFile(reader: YamlReader, out: LoadedNode[]): void {
  const map = reader.root === undefined || reader.root === null ? undefined : reader.map(reader.root, 'smalltalk', 1);
  if (!map) return;
  const f = reader.entries(map, ['nodes'], 'smalltalk');
  const nodes = f.get('nodes');
  if (!nodes) return;
  if (!isSeq(nodes.value)) {
    reader.error(nodes.line, 'BAD_VALUE', { key: 'nodes', expected: 'list' });
    return;
  }
  for (const item of nodes.value.items as (Node | null)[]) {
    const child = reader.map(item, 'nodes', nodes.line);
    const loaded = child && readNode(reader, child, { kind: 'smalltalk', parent: null, topLevel: false });
    if (loaded) out.push(loaded);
  }
}

function readSynonymsFile(reader: YamlReader, keys: SynonymKey[]): SynonymsData {
  const data: SynonymsData = structuredClone(EMPTY_SYNONYMS);
  const map = reader.root === undefined || reader.root === null ? undefined : reader.map(reader.root, 'synonyms', 1);
  if (!map) return data;
  const f = reader.entries(map, SYNONYM_SECTIONS, 'synonyms');
  for (const section of ['abbreviations', 'chat', 'ambiguous', 'safety_words'] as const) {
    const entry = f.get(section);
    if (!entry) continue;
    const sectionMap = reader.map(entry.value, section, entry.line);
    for (const pair of sectionMap?.items ?? []) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value).trim() : '';
      const line = reader.lineOf(keyNode);
      const value = { value: pair.value as Node | null, line };
      if (section === 'ambiguous' || section === 'safety_words') {
        const list = reader.strings(value, key);
        if (list) data[section === 'ambiguous' ? 'ambiguous' : 'safetyWords'][key] = list;
        if (section === 'safety_words') continue;
      } else {
        const expansion = reader.string(value, key);
        if (expansion) data[section][key] = expansion;
      }
      keys.push({ section, key, file: reader.file, line });
    }
  }
  const groups = f.get('synonyms');
  if (groups && !isSeq(groups.value)) reader.error(groups.line, 'BAD_VALUE', { key: 'synonyms', expected: 'list' });
  else if (groups && isSeq(groups.value)) {
    for (const item of groups.value.items as (Node | null)[]) {
      const line = reader.lineOf(item);
      const group = reader.strings({ value: item, line }, 'synonyms');
      if (!group) continue;
      if (group.length < 2) reader.error(line, 'BAD_VALUE', { key: 'synonyms', expected: 'group' });
      else data.groups.push(group);
      for (const member of group.slice(1)) keys.push({ section: 'synonyms', key: member, file: reader.file, line });
    }
  }
  data.stopwordsExtra = reader.strings(f.get('stopwords_extra'), 'stopwords_extra') ?? [];
  data.places = reader.strings(f.get('places'), 'places') ?? [];
  data.abolishedOffices = reader.strings(f.get('abolished_offices'), 'abolished_offices') ?? [];
  data.abolishedCues = reader.strings(f.get('abolished_cues'), 'abolished_cues') ?? [];
  return data;
}

function readStoriesFile(reader: YamlReader): string[] {
  const map = reader.root === undefined || reader.root === null ? undefined : reader.map(reader.root, 'stories', 1);
  if (!map) return [];
  const f = reader.entries(map, ['stories'], 'stories');
  return reader.strings(f.get('stories'), 'stories') ?? [];
}

/**
 * Reads CONTENT_DIR as described in docs/content-format.md: synonyms.yaml, smalltalk.yaml, stories.yaml and
 * every faq/**.yaml. Never throws on bad content: each problem becomes a finding with file:line
 * (a missing directory is a NO_CONTENT error). Cross-file rules live in check-content.ts.
 * `overrides` (absolute path → text) replaces what is on disk for those files: the console checks
 * an edit this way before it writes it.
 */
export function loadContent(contentDir: string, overrides?: ReadonlyMap<string, string>): LoadedContent {
  const loaded: LoadedContent = {
    contentDir,
    files: [],
    nodes: [],
    synonyms: EMPTY_SYNONYMS,
    synonymKeys: [],
    stories: [],
    findings: [],
  };
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
    loaded.findings.push({ severity: 'error', code: 'NO_CONTENT', file: contentDir, line: 1 });
    return loaded;
  }
  const read = (relative: string): YamlReader | undefined => {
    const full = path.join(contentDir, relative);
    const override = overrides?.get(full);
    if (override === undefined && !fs.existsSync(full)) return undefined;
    const text = override ?? fs.readFileSync(full, 'utf8');
    loaded.files.push({ file: full, text });
    return new YamlReader(full, text);
  };
  const readers: YamlReader[] = [];
  const synonyms = read(SYNONYMS_FILE);
  if (synonyms) {
    loaded.synonyms = readSynonymsFile(synonyms, loaded.synonymKeys);
    readers.push(synonyms);
  }
  const smalltalk = read(SMALLTALK_FILE);
  if (smalltalk) {
    readSmalltalkFile(smalltalk, loaded.nodes);
    readers.push(smalltalk);
  }
  const stories = read(STORIES_FILE);
  if (stories) {
    loaded.stories = readStoriesFile(stories);
    readers.push(stories);
  }
  for (const relative of topicFiles(contentDir)) {
    const reader = read(relative)!;
    readTopicFile(reader, loaded.nodes);
    readers.push(reader);
  }
  loaded.findings = readers.flatMap((r) => r.findings);
  return loaded;
}
