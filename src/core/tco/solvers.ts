// Solvers on the compiled model: the reference (local) price at which both TCOs are equal, and for
// each key input the value at which the decision flips.
import { PI, paramDef, type ParamKey } from './model.ts';
import { unitToCents, type EurPerUnit } from './quantities.ts';
import type { CompiledScenario, UncertainParam } from './resolve.ts';
import { tcoWith } from './uncertainty.ts';
import type { FlipResult, PairComparison } from './types.ts';
import { fmt } from './explain.ts';

type Slot = Pick<UncertainParam, 'offer' | 'slot'>;
const cents = (v: number) => unitToCents(v as EurPerUnit) as number;

/**
 * Reference price (in its currency) at which TCO(reference) = TCO(other), to the cent.
 * The TCO is affine in the price (every price-driven line is a rate × price), so two evaluations
 * give the exact answer; the result is checked, and bisection takes over if the check fails
 * (a future non-linear factor). Null when even a price of 0 leaves the reference dearer.
 */
export function breakEvenReferencePrice(
  compiled: CompiledScenario,
  otherIndex: number,
): PairComparison['breakEvenReferencePrice'] {
  const ref = compiled.referenceIndex;
  const slot: Slot = { offer: ref, slot: PI.price };
  const p0 = compiled.base[ref]![PI.price] as number;
  const at = (price: number) => tcoWith(compiled, [{ p: slot, value: price }]);
  const t0 = at(p0);
  const target = t0[otherIndex] as number;
  const step = Math.max(1, Math.abs(p0));
  const t1 = at(p0 + step);
  const slope = ((t1[ref] as number) - (t0[ref] as number)) / step;
  const currency = compiled.scenario.offers[ref]!.currency;
  const check = (price: number, method: 'exact' | 'bisection') => {
    const t = at(price);
    const refC = cents(t[ref] as number);
    const otherC = cents(t[otherIndex] as number);
    return refC === otherC
      ? { price, currency, method, referenceTcoCents: refC, otherTcoCents: otherC }
      : null;
  };
  if (slope > 0) {
    const exact = p0 + (target - (t0[ref] as number)) / slope;
    if (exact < 0) return null;
    const hit = check(exact, 'exact');
    if (hit) return hit;
  }
  // Bisection on [0, hi]: the reference TCO grows with its price.
  let lo = 0;
  let hi = Math.max(step, p0) * 2;
  if ((at(0)[ref] as number) > target) return null;
  for (let i = 0; i < 60 && (at(hi)[ref] as number) < target; i++) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if ((at(mid)[ref] as number) < target) lo = mid;
    else hi = mid;
    const hit = check(mid, 'bisection');
    if (hit) return hit;
  }
  return null;
}

interface FlipCandidate {
  key: ParamKey;
  offer: number;
  low: number;
  high: number;
}

/** Key inputs and their search ranges, for the pair (reference, other). */
function flipCandidates(compiled: CompiledScenario, other: number): FlipCandidate[] {
  const b = compiled.base;
  const ref = compiled.referenceIndex;
  const val = (o: number, k: ParamKey) => b[o]![PI[k]] as number;
  const list: FlipCandidate[] = [
    { key: 'price', offer: other, low: 0, high: Math.max(1, val(other, 'price') * 3) },
    { key: 'fx', offer: other, low: val(other, 'fx') * 0.5, high: val(other, 'fx') * 1.5 },
    { key: 'freightShip', offer: other, low: 0, high: Math.max(20000, val(other, 'freightShip') * 6) },
    { key: 'freightKg', offer: other, low: 0, high: Math.max(5, val(other, 'freightKg') * 6) },
    { key: 'duty', offer: other, low: 0, high: 0.5 },
    { key: 'transitDays', offer: other, low: 1, high: 120 },
    { key: 'disrP', offer: other, low: 0, high: 1 },
    { key: 'defectRate', offer: other, low: 0, high: 0.3 },
    { key: 'defectRate', offer: ref, low: 0, high: 0.3 },
    { key: 'r', offer: -1, low: 0, high: 0.6 },
    { key: 'carbonPrice', offer: -1, low: 0, high: 500 },
    { key: 'Q', offer: -1, low: Math.max(1, val(ref, 'Q') / 20), high: val(ref, 'Q') * 20 },
  ];
  // Only inputs that matter for this pair (a freight per kg of 0 with no groupage stays irrelevant).
  return list.filter(
    (c) => !(c.key === 'freightKg' && val(other, 'freightKg') === 0 && val(other, 'freightShip') > 0),
  );
}

/** For each key input, the value at which TCO(other) − TCO(reference) changes sign. */
export function flipValues(compiled: CompiledScenario, other: number): FlipResult[] {
  const ref = compiled.referenceIndex;
  const ids = compiled.scenario.offers.map((o) => o.id);
  const results: FlipResult[] = [];
  for (const c of flipCandidates(compiled, other)) {
    const slot: Slot = { offer: c.offer, slot: PI[c.key] };
    const current = compiled.base[c.offer < 0 ? ref : c.offer]![PI[c.key]] as number;
    const gap = (x: number) => {
      const t = tcoWith(compiled, [{ p: slot, value: x }]);
      return (t[other] as number) - (t[ref] as number);
    };
    const g0 = gap(current);
    const base = paramDef(c.key);
    const def =
      c.key === 'price' ? { ...base, unit: `${compiled.scenario.offers[c.offer]!.currency}/unité` } : base;
    const path =
      c.offer < 0 ? `common.${def.path.join('.')}` : `offers.${ids[c.offer]}.${def.path.join('.')}`;
    const who = c.offer < 0 ? '' : ` (${compiled.scenario.offers[c.offer]!.name})`;
    // Scan the range for sign changes, keep the one nearest to the current value, then bisect.
    const steps = 48;
    let best: [number, number] | null = null;
    let prevX = c.low;
    let prevG = gap(c.low);
    for (let i = 1; i <= steps; i++) {
      const x = c.low + ((c.high - c.low) * i) / steps;
      const g = gap(x);
      if (Math.sign(g) !== Math.sign(prevG) && g !== 0) {
        const mid = (prevX + x) / 2;
        if (!best || Math.abs(mid - current) < Math.abs((best[0] + best[1]) / 2 - current)) best = [prevX, x];
      }
      prevX = x;
      prevG = g;
    }
    let flipAt: number | null = null;
    if (best && g0 !== 0) {
      let [lo, hi] = best;
      const gLo = gap(lo);
      for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(gap(mid)) === Math.sign(gLo)) lo = mid;
        else hi = mid;
      }
      flipAt = (lo + hi) / 2;
    }
    const isRate = /^(fraction|probabilité|\/an)/.test(def.unit);
    const show = (x: number) => (isRate ? `${fmt(x * 100)} %` : `${fmt(x)} ${def.unit}`);
    const winner = g0 > 0 ? compiled.scenario.offers[ref]!.name : compiled.scenario.offers[other]!.name;
    const message =
      flipAt === null
        ? `${def.label}${who} : la décision (${winner}) ne bascule pas entre ${show(c.low)} et ${show(c.high)}.`
        : `${def.label}${who} : la décision (${winner}) bascule ${flipAt > current ? 'au-dessus' : 'en dessous'} de ${show(flipAt)} (valeur actuelle ${show(current)}).`;
    results.push({
      path,
      label: `${def.label}${who}`,
      unit: def.unit,
      current,
      flipAt,
      searchLow: c.low,
      searchHigh: c.high,
      message,
    });
  }
  // Flips nearest to the current value first (relative distance), then the inputs that never flip.
  const rel = (f: FlipResult) =>
    f.flipAt === null ? Infinity : Math.abs(f.flipAt - f.current) / Math.max(Math.abs(f.current), 1e-9);
  return results.sort((a, b) => rel(a) - rel(b));
}
