import type { SparseVector } from './feature-space.js';
import { shuffleInPlace } from './seeded-random.js';

/** One input of the model: its features, its dense extras and the candidate classes with their retrieval similarity. */
export interface ModelInput {
  x: SparseVector;
  /** dense evidence beside the features (e.g. the share of words no FAQ text uses) */
  extras: number[];
  candidates: { cls: number; sim: number }[];
}

export interface TrainingExample extends ModelInput {
  cls: number;
  weight: number;
}

/**
 * A multinomial logistic regression over candidate classes: score(c) = bias_c + α·sim_c +
 * Σ x_f·W(f, c) + Σ extra_k·E(c, k), softmax over the candidates and a fixed "none of these"
 * score of 0 (so one lone candidate with little evidence is not certain). W is a hashed table (fixed
 * memory whatever the content's size); the candidates come from retrieval, so training and
 * scoring cost depends on the candidates, not on the number of classes.
 */
export interface LinearModel {
  /** probabilities of `input.candidates`, in their order */
  probabilities(input: ModelInput): number[];
  /** what feature `id` with value `v` adds to class `cls`'s score (for explanations) */
  contribution(cls: number, id: number, v: number): number;
  /** the weight of the retrieval similarity */
  alpha(): number;
}

export interface TrainOptions {
  classes: number;
  extras: number;
  epochs: number;
  learningRate: number;
  random: () => number;
  /** log2 of the hashed table size */
  tableBits: number;
}

const featureHash = (id: number): number => Math.imul(id + 1, 0x9e3779b1);
const classHash = (cls: number): number => Math.imul(cls + 1, 0x85ebca77);

export function trainLinearModel(examples: TrainingExample[], options: TrainOptions): LinearModel {
  const mask = (1 << options.tableBits) - 1;
  const table = new Float32Array(mask + 1);
  const bias = new Float64Array(options.classes);
  const extraWeights = new Float64Array(options.classes * options.extras);
  const classHashes = Int32Array.from({ length: options.classes }, (_, c) => classHash(c));
  let alpha = 4;
  let scratch = new Float64Array(64);

  /** scores of the candidates into `scratch`, hashes of the features given */
  const score = (input: ModelInput, hashes: Int32Array): void => {
    const { candidates, extras } = input;
    const { values } = input.x;
    if (scratch.length < candidates.length) scratch = new Float64Array(candidates.length * 2);
    for (let j = 0; j < candidates.length; j++) {
      const { cls, sim } = candidates[j]!;
      const ch = classHashes[cls]!;
      let s = bias[cls]! + alpha * sim;
      for (let i = 0; i < hashes.length; i++) s += values[i]! * table[(hashes[i]! ^ ch) & mask]!;
      for (let k = 0; k < extras.length; k++) s += extras[k]! * extraWeights[cls * options.extras + k]!;
      scratch[j] = s;
    }
  };
  /** softmax of the first n scores and the "none of these" score 0, in place */
  const softmax = (n: number): void => {
    let max = 0;
    for (let j = 0; j < n; j++) max = Math.max(max, scratch[j]!);
    let z = Math.exp(-max);
    for (let j = 0; j < n; j++) z += scratch[j] = Math.exp(scratch[j]! - max);
    for (let j = 0; j < n; j++) scratch[j]! /= z;
  };
  const hashesOf = (x: SparseVector): Int32Array => Int32Array.from(x.ids, featureHash);

  const hashed = examples.map((ex) => hashesOf(ex.x));
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / (1 + epoch * 0.5);
    for (const index of shuffleInPlace(order, options.random)) {
      const ex = examples[index]!;
      const hashes = hashed[index]!;
      score(ex, hashes);
      softmax(ex.candidates.length);
      const { values } = ex.x;
      for (let j = 0; j < ex.candidates.length; j++) {
        const { cls, sim } = ex.candidates[j]!;
        const g = (scratch[j]! - (cls === ex.cls ? 1 : 0)) * ex.weight * rate;
        if (Math.abs(g) < 1e-4) continue;
        bias[cls]! -= g * 0.2;
        alpha = Math.max(0, alpha - g * sim * 0.05);
        const ch = classHashes[cls]!;
        for (let i = 0; i < hashes.length; i++) table[(hashes[i]! ^ ch) & mask]! -= g * values[i]!;
        for (let k = 0; k < ex.extras.length; k++) extraWeights[cls * options.extras + k]! -= g * ex.extras[k]!;
      }
    }
  }
  return {
    probabilities(input) {
      score(input, hashesOf(input.x));
      softmax(input.candidates.length);
      return Array.from(scratch.subarray(0, input.candidates.length));
    },
    contribution: (cls, id, v) => v * table[(featureHash(id) ^ classHashes[cls]!) & mask]!,
    alpha: () => alpha,
  };
}
