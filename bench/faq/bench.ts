/**
 * FAQ matcher at 5,000 entries: index build time, heap after GC, and match latency (p50/p99) on
 * realistic questions (the eval set) and on random syllable strings (worst case: long posting
 * lists, fuzzy second pass). Baseline in the same run: a plain `String.includes` scan of the same
 * entries for each query word, so figures compare across machines. Bounded: one build, 400 queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse } from 'yaml';
import { buildSnapshot } from '../../src/faq/content/build-snapshot.js';
import type { FaqNode } from '../../src/faq/faq-types.js';
import { loadContent, type LoadedContent } from '../../src/faq/content/load-content.js';
import { stripMarks } from '../../src/faq/match/normalize-vietnamese.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRIES = 5000;
const QUERIES = 200;
const AT = Date.parse('2026-12-01T12:00:00+07:00');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Deterministic PRNG so every run measures the same corpus. */
function createRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}
const random = createRandom(42);

const real = loadContent(path.join(ROOT, 'content'));
const vocabulary = [
  ...new Set(
    real.nodes
      .flatMap((l) => [l.node.title, ...l.node.questions, ...l.node.keywords])
      .flatMap((t) => t.toLowerCase().split(/[^\p{L}]+/u)),
  ),
].filter(Boolean);
/** Zipf-like pick: low ranks far more often, like real text. */
const word = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
const phrase = (min: number, max: number): string =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, word).join(' ');

function syntheticNode(i: number): FaqNode {
  const question = phrase(6, 12);
  return {
    id: `synthetic-${i}`,
    kind: 'answer',
    parent: null,
    order: i,
    title: phrase(3, 6),
    questions: [question, stripMarks(question), phrase(5, 10)],
    keywords: Array.from({ length: 4 }, () => phrase(1, 2)),
    versions: [{ text: phrase(40, 80), legalBasis: [{ document: 'Luật' }] }],
    followUps: [],
    triggers: [],
    unless: [],
    facts: [],
    source: { file: 'synthetic.yaml', line: i + 1 },
  };
}

const corpus: LoadedContent = {
  ...real,
  nodes: [
    ...real.nodes,
    ...Array.from({ length: ENTRIES - real.nodes.length }, (_, i) => ({
      node: syntheticNode(i),
      lines: {},
      versionLines: [1],
      hasLegalBasis: true,
    })),
  ],
};

const evalRows = parse(fs.readFileSync(path.join(ROOT, 'test/eval/questions.yaml'), 'utf8')) as { q: string }[];
const realistic = Array.from({ length: QUERIES }, (_, i) => evalRows[i % evalRows.length]!.q);
const randomQueries = Array.from({ length: QUERIES }, () => phrase(4, 12));

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
function time(queries: string[], run: (q: string) => unknown): string {
  const ms = queries.map((q) => {
    const start = process.hrtime.bigint();
    run(q);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  ms.sort((a, b) => a - b);
  return `p50 ${percentile(ms, 0.5).toFixed(2)} ms  p99 ${percentile(ms, 0.99).toFixed(2)} ms`;
}

gc();
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = process.hrtime.bigint();
const snapshot = buildSnapshot(corpus, { now: () => AT });
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const haystack = corpus.nodes.map((l) =>
  [l.node.title, ...l.node.questions, ...l.node.keywords].join(' ').toLowerCase().normalize('NFC'),
);
const includesScan = (q: string): number => {
  const words = q
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let best = 0;
  for (const text of haystack) best = Math.max(best, words.filter((w) => text.includes(w)).length);
  return best;
};

console.log(
  `entries: ${corpus.nodes.length} (${real.nodes.length} real + synthetic), queries: ${QUERIES} realistic + ${QUERIES} random`,
);
console.log(`index build:            ${buildMs.toFixed(0)} ms`);
console.log(`heap after GC (index):  ${heapMb.toFixed(1)} MB`);
console.log(`match, realistic:       ${time(realistic, (q) => snapshot.match(q, AT))}`);
console.log(`match, random:          ${time(randomQueries, (q) => snapshot.match(q, AT))}`);
console.log(`baseline includes scan, realistic: ${time(realistic, includesScan)}`);
console.log(`baseline includes scan, random:    ${time(randomQueries, includesScan)}`);
