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
 * Σ x_f·W(f, c) + Σ extra_k·E(c, k), softmax over the candidates. W is a hashed table (fixed
 * memory whatever the content's size); the candidates come from retrieval, so training and
 * scoring cost depends on the candidates, not on the number of classes.
 */
export interface LinearModel {
  /** probabilities of `input.candidates`, in their order */
  probabilities(input: ModelInput): number[];
  /** the share of class `cls`'s score that feature `id` (value `v`) contributes, for explanations */
  contribution(cls: number, id: number, v: number, sim: number): number;
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

const slot = (id: number, cls: number, mask: number): number =>
  (Math.imul(id + 1, 0x9e3779b1) ^ Math.imul(cls + 1, 0x85ebca77)) & mask;

export function trainLinearModel(examples: TrainingExample[], options: TrainOptions): LinearModel {
  const mask = (1 << options.tableBits) - 1;
  const table = new Float32Array(mask + 1);
  const bias = new Float64Array(options.classes);
  const extraWeights = new Float64Array(options.classes * options.extras);
  let alpha = 4;

  const scores = (input: ModelInput): number[] =>
    input.candidates.map(({ cls, sim }) => {
      let s = bias[cls]! + alpha * sim;
      const { ids, values } = input.x;
      for (let i = 0; i < ids.length; i++) s += values[i]! * table[slot(ids[i]!, cls, mask)]!;
      for (let k = 0; k < input.extras.length; k++) s += input.extras[k]! * extraWeights[cls * options.extras + k]!;
      return s;
    });
  const softmax = (s: number[]): number[] => {
    const max = Math.max(...s);
    const e = s.map((v) => Math.exp(v - max));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / z);
  };

  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / (1 + epoch * 0.5);
    for (const index of shuffleInPlace(order, options.random)) {
      const ex = examples[index]!;
      const p = softmax(scores(ex));
      ex.candidates.forEach(({ cls, sim }, j) => {
        const g = (p[j]! - (cls === ex.cls ? 1 : 0)) * ex.weight * rate;
        if (Math.abs(g) < 1e-5) return;
        bias[cls]! -= g * 0.2;
        alpha = Math.max(0, alpha - g * sim * 0.05);
        const { ids, values } = ex.x;
        for (let i = 0; i < ids.length; i++) table[slot(ids[i]!, cls, mask)]! -= g * values[i]!;
        for (let k = 0; k < ex.extras.length; k++) extraWeights[cls * options.extras + k]! -= g * ex.extras[k]!;
      });
    }
  }
  return {
    probabilities: (input) => softmax(scores(input)),
    contribution: (cls, id, v) => v * table[slot(id, cls, mask)]!,
  };
}
