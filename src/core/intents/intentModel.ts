import { stem } from '../language/lunrLanguages';
import { splitWords } from '../language/words';
import { stripDiacritics } from '../text/normalize';
import { DETECTABLE_CATEGORIES, type DetectableCategory } from '../reports/categories';

/** The classes the model tells apart: a guideline question, or a report of one category. */
export const MODEL_CLASSES = ['question', ...DETECTABLE_CATEGORIES] as const;
type ModelClass = (typeof MODEL_CLASSES)[number];

/** Labelled messages the model learns from (content/intent-examples and the guideline example questions). */
export interface IntentTrainingSet {
  reports: { text: string; category: DetectableCategory }[];
  questions: string[];
}

/** The trained model as saved with the index: per feature, one weight per class (MODEL_CLASSES order). */
export interface SavedIntentModel {
  classes: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

export interface IntentPrediction {
  /** Probability (0..1) that the message reports an incident (of any category). */
  report: number;
  /** The likeliest report category. */
  category: DetectableCategory;
}

const stemCache = new Map<string, string>();
function cachedStem(word: string, lang: 'sv' | 'fi'): string {
  const key = `${lang}:${word}`;
  let s = stemCache.get(key);
  if (s === undefined) {
    s = stem(word, lang);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(key, s);
  }
  return s;
}

/**
 * The features of a message: its words and word pairs without diacritics ("sager" = "säger"), the Snowball
 * stems of each word in both languages (a message's language is not known here), and the 3- and 4-letter
 * pieces of each word, which carry Finnish inflection, compounds, typos and slang spellings ("hakkeroitu",
 * "hakkeroinu", "hakkerit"). Whether it ends with a question mark is a feature too.
 */
export function messageFeatures(text: string): string[] {
  const features = new Set<string>();
  const words = splitWords(text).map((w) => w.text);
  let previous = '^';
  for (const word of words) {
    const plain = stripDiacritics(word);
    features.add(`w:${plain}`);
    features.add(`b:${previous}_${plain}`);
    previous = plain;
    if (/\p{N}/u.test(word)) continue;
    features.add(`s:${cachedStem(word, 'sv')}`);
    features.add(`f:${cachedStem(word, 'fi')}`);
    const padded = `<${plain}>`;
    for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i++) features.add(`c:${padded.slice(i, i + n)}`);
  }
  if (/[?？]\s*$/u.test(text)) features.add('?');
  return [...features];
}

/** Training settings: measured on held-out examples of our own (test/fixtures/intent-own-holdout-*). */
const EPOCHS = 12;
const LEARNING_RATE = 0.5;
const L2 = 1e-5;
/** A feature seen in fewer training messages is not kept: it would only learn its few messages by heart. */
const MIN_FEATURE_COUNT = 2;

/**
 * Multinomial logistic regression over message features, trained by stochastic gradient descent with a
 * fixed order (the same content always gives the same model). Reports and questions weigh the same in total,
 * however many of each the content has.
 */
export function trainIntentModel(set: IntentTrainingSet): SavedIntentModel {
  const K = MODEL_CLASSES.length;
  const examples: { features: string[]; label: number; weight: number }[] = [];
  const seen = new Map<string, number>();
  const add = (text: string, label: ModelClass, weight: number) => {
    const features = messageFeatures(text);
    for (const f of features) seen.set(f, (seen.get(f) ?? 0) + 1);
    examples.push({ features, label: MODEL_CLASSES.indexOf(label), weight });
  };
  const questionWeight = set.questions.length > 0 ? set.reports.length / set.questions.length : 1;
  for (const r of set.reports) add(r.text, r.category, 1);
  for (const q of set.questions) add(q, 'question', questionWeight);

  const weights = new Map<string, Float64Array>();
  const bias = new Float64Array(K);
  const vector = (f: string) => {
    let w = weights.get(f);
    if (!w) weights.set(f, (w = new Float64Array(K)));
    return w;
  };
  const kept = examples.map((e) => e.features.filter((f) => (seen.get(f) ?? 0) >= MIN_FEATURE_COUNT).map(vector));
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const order = examples.map((_, i) => i);
  const probs = new Float64Array(K);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = LEARNING_RATE / (1 + epoch);
    for (const i of order) {
      const example = examples[i]!;
      const vectors = kept[i]!;
      const value = vectors.length > 0 ? 1 / Math.sqrt(vectors.length) : 0;
      softmax(bias, vectors, value, probs);
      for (let k = 0; k < K; k++) {
        const gradient = (probs[k]! - (k === example.label ? 1 : 0)) * example.weight * rate;
        bias[k]! -= gradient;
        for (const w of vectors) w[k] = w[k]! * (1 - L2) - gradient * value;
      }
    }
  }
  const saved: Record<string, number[]> = {};
  for (const [f, w] of weights) saved[f] = Array.from(w, (x) => Math.round(x * 1000) / 1000);
  return { classes: [...MODEL_CLASSES], bias: Array.from(bias, (x) => Math.round(x * 1000) / 1000), weights: saved };
}

function softmax(bias: ArrayLike<number>, vectors: ArrayLike<number>[], value: number, out: Float64Array): void {
  const K = out.length;
  for (let k = 0; k < K; k++) out[k] = bias[k]!;
  for (const w of vectors) for (let k = 0; k < K; k++) out[k]! += w[k]! * value;
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, out[k]!);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += out[k] = Math.exp(out[k]! - max);
  for (let k = 0; k < K; k++) out[k]! /= sum;
}

/** A trained intent model: how likely a message is a report, and of which category. */
export class IntentModel {
  private readonly weights: Map<string, number[]>;
  private readonly bias: number[];

  constructor(saved: SavedIntentModel) {
    if (saved.classes.join() !== MODEL_CLASSES.join()) throw new Error(`intent model classes ${saved.classes.join()} are not ${MODEL_CLASSES.join()}`);
    this.weights = new Map(Object.entries(saved.weights));
    this.bias = saved.bias;
  }

  predict(text: string): IntentPrediction {
    const vectors: number[][] = [];
    for (const f of messageFeatures(text)) {
      const w = this.weights.get(f);
      if (w) vectors.push(w);
    }
    const probs = new Float64Array(MODEL_CLASSES.length);
    softmax(this.bias, vectors, vectors.length > 0 ? 1 / Math.sqrt(vectors.length) : 0, probs);
    let best = 1;
    for (let k = 2; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
    return { report: 1 - probs[0]!, category: MODEL_CLASSES[best] as DetectableCategory };
  }
}
