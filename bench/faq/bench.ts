/**
 * FAQ matcher: training time on the real content (per 1,000 questions, what a live reload costs),
 * then at 5,000 entries: training/index build time, heap after GC (and the model's array
 * buffers), match latency (p50/p99) on realistic questions (the blind dev set) and on random
 * syllable strings, and a 5,000-character message. Baseline in the same run: a plain
 * `String.includes` scan of the same entries for each query word, so figures compare across
 * machines. Bounded: two builds, 400 queries, 20 long messages.
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

const devSet = path.join(ROOT, 'test/eval/blind/dev-questions.yaml');
const evalRows = fs.existsSync(devSet)
  ? (parse(fs.readFileSync(devSet, 'utf8')) as { q: string }[])
  : real.nodes.flatMap((l) => l.node.questions).map((q) => ({ q }));
const realistic = Array.from({ length: QUERIES }, (_, i) => evalRows[i % evalRows.length]!.q);
const longMessages = Array.from({ length: 20 }, (_, i) =>
  `${evalRows
    .slice(i, i + 60)
    .map((r) => r.q)
    .join('. ')} `
    .repeat(3)
    .slice(0, 5000),
);
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

const questionsOfReal = real.nodes.reduce((n, l) => n + l.node.questions.length + 1, 0);
const realStart = process.hrtime.bigint();
buildSnapshot(real, { now: () => AT });
const realMs = Number(process.hrtime.bigint() - realStart) / 1e6;

gc();
const heapBefore = process.memoryUsage().heapUsed;
const buffersBefore = process.memoryUsage().arrayBuffers;
const buildStart = process.hrtime.bigint();
const snapshot = buildSnapshot(corpus, { now: () => AT });
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const buffersMb = (process.memoryUsage().arrayBuffers - buffersBefore) / 2 ** 20;

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
console.log(
  `real content: ${questionsOfReal} questions, trained in ${realMs.toFixed(0)} ms (${((realMs * 1000) / questionsOfReal).toFixed(0)} ms per 1,000 questions)`,
);
console.log(`index build + training: ${buildMs.toFixed(0)} ms`);
console.log(
  `heap after GC (index):  ${heapMb.toFixed(1)} MB (+ ${buffersMb.toFixed(1)} MB model table outside the heap)`,
);
console.log(`match, realistic:       ${time(realistic, (q) => snapshot.match(q, AT))}`);
console.log(`match, random:          ${time(randomQueries, (q) => snapshot.match(q, AT))}`);
console.log(`match, 5,000 chars:     ${time(longMessages, (q) => snapshot.match(q, AT))}`);
console.log(`baseline includes scan, realistic: ${time(realistic, includesScan)}`);
console.log(`baseline includes scan, random:    ${time(randomQueries, includesScan)}`);
