// A multinomial logistic regression over sparse binary features. Trained by scripts/train.ts (full-
// batch gradient descent, fixed order, so the same data gives the same file) and shipped as JSON.

export interface LinearModel {
  classes: string[];
  bias: number[];
  /** feature → one weight per class. */
  weights: Record<string, number[]>;
  /** What one unit of a stored weight is worth: the shipped file stores hundredths as integers. */
  unit?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Features seen in fewer training messages are left out (they only memorise). */
  minCount?: number;
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Class logits for a message's features; unknown features are ignored. */
export function logits(model: LinearModel, feats: readonly string[]): number[] {
  const z = [...model.bias];
  const present = feats.filter((f) => f in model.weights);
  const scale = (present.length ? 1 / Math.sqrt(present.length) : 0) * (model.unit ?? 1);
  for (const f of present) {
    const w = model.weights[f]!;
    for (let c = 0; c < z.length; c++) z[c]! += w[c]! * scale;
  }
  return z;
}

export function predict(model: LinearModel, feats: readonly string[]): number[] {
  return softmax(logits(model, feats));
}

export function train(
  docs: readonly { feats: readonly string[]; label: string }[],
  classes: readonly string[],
  options: TrainOptions = {},
): LinearModel {
  const { epochs = 300, learningRate = 1, l2 = 0.0005, minCount = 2 } = options;
  const df = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d.feats)) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.entries()]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const K = classes.length;
  const W = vocab.map(() => new Float64Array(K));
  const b = new Float64Array(K);
  const rows = docs.map((d) => {
    const idx = [...new Set(d.feats)].map((f) => index.get(f)).filter((i): i is number => i !== undefined);
    return { idx, scale: idx.length ? 1 / Math.sqrt(idx.length) : 0, y: classes.indexOf(d.label) };
  });
  const n = rows.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gW = vocab.map(() => new Float64Array(K));
    const gb = new Float64Array(K);
    for (const r of rows) {
      const z = Array.from(b);
      for (const i of r.idx) for (let c = 0; c < K; c++) z[c]! += W[i]![c]! * r.scale;
      const p = softmax(z);
      for (let c = 0; c < K; c++) {
        const g = p[c]! - (c === r.y ? 1 : 0);
        gb[c]! += g;
        for (const i of r.idx) gW[i]![c]! += g * r.scale;
      }
    }
    for (let c = 0; c < K; c++) b[c]! -= (learningRate * gb[c]!) / n;
    for (let i = 0; i < vocab.length; i++)
      for (let c = 0; c < K; c++) W[i]![c]! -= learningRate * (gW[i]![c]! / n + l2 * W[i]![c]!);
  }
  // Two decimals and no near-zero rows keep the shipped file small (it loads with the side panel);
  // the cross-validated accuracy is the same as with three.
  const round = (v: number) => Math.round(v * 100) / 100;
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const w = Array.from(W[i]!, round);
    if (w.some((v) => Math.abs(v) >= 0.02)) weights[f] = w;
  });
  return { classes: [...classes], bias: Array.from(b, round), weights };
}
