// Monte Carlo on the compiled model: every range { low, likely, high } is drawn from a triangular
// distribution (mode = likely), with a seeded generator so that a scenario gives the same result
// twice. The draws write into copies of the base vectors and call the allocation-free evaluator.
import { NOUT, X, evaluateOffers } from './model.ts';
import { cloneVectors, type CompiledScenario, type UncertainParam } from './resolve.ts';
import type { Percentiles, TornadoEntry, UncertaintyResult } from './types.ts';

/** sfc32, a small fast counting generator (PractRand-tested), seeded through splitmix32. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Inverse CDF of the triangular distribution on [low, high] with mode `likely`. */
export function triangular(u: number, low: number, likely: number, high: number): number {
  const w = high - low;
  if (w <= 0) return likely;
  const fc = (likely - low) / w;
  return u < fc ? low + Math.sqrt(u * w * (likely - low)) : high - Math.sqrt((1 - u) * w * (high - likely));
}

/** Percentile of a sorted sample (linear interpolation between order statistics, "type 7"). */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

export function percentiles(sample: Float64Array): Percentiles {
  const s = Float64Array.from(sample).sort();
  let sum = 0;
  for (const x of s) sum += x;
  return {
    p10: quantileSorted(s, 0.1),
    p50: quantileSorted(s, 0.5),
    p90: quantileSorted(s, 0.9),
    mean: sum / s.length,
  };
}

function histogram(sample: Float64Array, bins = 30): { from: number; to: number; count: number }[] {
  let min = Infinity;
  let max = -Infinity;
  for (const x of sample) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (!(max > min)) return [{ from: min, to: max, count: sample.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of sample) counts[Math.min(bins - 1, Math.floor((x - min) / width))]!++;
  return counts.map((count, i) => ({ from: min + i * width, to: min + (i + 1) * width, count }));
}

/** Writes a value of an input into the vectors (a common input goes into every offer). */
export function setParam(
  vecs: Float64Array[],
  p: Pick<UncertainParam, 'offer' | 'slot'>,
  value: number,
): void {
  if (p.offer < 0) for (const v of vecs) v[p.slot] = value;
  else (vecs[p.offer] as Float64Array)[p.slot] = value;
}

/** Raw draws: TCO per unit of each offer, draw by draw. */
export function simulate(compiled: CompiledScenario, draws: number, seed: number): Float64Array[] {
  const vecs = cloneVectors(compiled.base);
  const outs = vecs.map(() => new Float64Array(NOUT));
  const k = vecs.length;
  const samples = vecs.map(() => new Float64Array(draws));
  const rnd = seededRandom(seed);
  const us = compiled.uncertain;
  for (let i = 0; i < draws; i++) {
    for (const u of us) setParam(vecs, u, triangular(rnd(), u.low, u.likely, u.high));
    evaluateOffers(vecs, outs);
    for (let o = 0; o < k; o++) (samples[o] as Float64Array)[i] = (outs[o] as Float64Array)[X.TCO] as number;
  }
  return samples;
}

const scratch = new WeakMap<CompiledScenario, { vecs: Float64Array[]; outs: Float64Array[] }>();

/** TCO of every offer for the base vectors with some inputs changed (reuses scratch buffers). */
export function tcoWith(
  compiled: CompiledScenario,
  changes: { p: Pick<UncertainParam, 'offer' | 'slot'>; value: number }[],
): number[] {
  let buf = scratch.get(compiled);
  if (!buf) {
    buf = { vecs: cloneVectors(compiled.base), outs: compiled.base.map(() => new Float64Array(NOUT)) };
    scratch.set(compiled, buf);
  }
  const { vecs, outs } = buf;
  for (let i = 0; i < vecs.length; i++) (vecs[i] as Float64Array).set(compiled.base[i] as Float64Array);
  for (const c of changes) setParam(vecs, c.p, c.value);
  evaluateOffers(vecs, outs);
  return outs.map((o) => o[X.TCO] as number);
}

export function runUncertainty(compiled: CompiledScenario, draws: number, seed: number): UncertaintyResult {
  const samples = simulate(compiled, draws, seed);
  const ref = compiled.referenceIndex;
  const ids = compiled.scenario.offers.map((o) => o.id);
  const refSample = samples[ref] as Float64Array;
  const pairs: UncertaintyResult['pairs'] = [];
  const cheapest = new Uint8Array(draws).fill(1);
  samples.forEach((s, o) => {
    if (o === ref) return;
    const gap = new Float64Array(draws);
    let wins = 0;
    for (let i = 0; i < draws; i++) {
      const g = (s[i] as number) - (refSample[i] as number);
      gap[i] = g;
      if (g > 0) wins++;
      else cheapest[i] = 0;
    }
    pairs.push({
      otherOfferId: ids[o] as string,
      pReferenceCheaper: wins / draws,
      gapPerUnit: percentiles(gap),
    });
  });
  let cheapestCount = 0;
  for (const c of cheapest) cheapestCount += c;
  return {
    draws,
    seed,
    distribution: 'triangular',
    perOffer: samples.map((s, o) => ({
      offerId: ids[o] as string,
      tcoPerUnit: percentiles(s),
      histogram: histogram(s),
    })),
    pairs,
    pReferenceCheapest: cheapestCount / draws,
    tornado: tornado(compiled),
    uncertainInputs: compiled.uncertain.length,
  };
}

/**
 * Tornado: each uncertain input at its low then its high, the others at likely; the swing of the
 * gap (first other offer − reference, €/unit), sorted from the widest.
 */
export function tornado(compiled: CompiledScenario): TornadoEntry[] {
  const ref = compiled.referenceIndex;
  const other = ref === 0 ? 1 : 0;
  const gapOf = (t: number[]) => (t[other] as number) - (t[ref] as number);
  return compiled.uncertain
    .map((u) => {
      const gapAtLow = gapOf(tcoWith(compiled, [{ p: u, value: u.low }]));
      const gapAtHigh = gapOf(tcoWith(compiled, [{ p: u, value: u.high }]));
      return {
        path: u.path,
        label: u.label,
        low: u.low,
        likely: u.likely,
        high: u.high,
        gapAtLow,
        gapAtHigh,
        swing: Math.abs(gapAtHigh - gapAtLow),
      };
    })
    .sort((a, b) => b.swing - a.swing);
}
