import { describe, expect, it } from 'vitest';
import { referenceCase } from './fixtures/reference-case.ts';
import { compileScenario, computeTco, percentiles, seededRandom, triangular } from './index.ts';
import type { OfferInput, Scenario, TornadoEntry } from './types.ts';

function withRanges(): Scenario {
  const [far, local] = structuredClone(referenceCase.offers) as [OfferInput, OfferInput];
  far.landed!.freightPerShipment = { low: 1500, likely: 2000, high: 6000 };
  far.fxToEur = { low: 0.85, likely: 0.9, high: 0.95 };
  local.quality!.defectRate = { low: 0.005, likely: 0.01, high: 0.02 };
  return { ...referenceCase, offers: [far, local] };
}

describe('triangular draws', () => {
  it('have the mean (low + likely + high) / 3 and stay within [low, high]', () => {
    const rnd = seededRandom(1);
    const xs = new Float64Array(50_000);
    for (let i = 0; i < xs.length; i++) xs[i] = triangular(rnd(), 10, 20, 60);
    const p = percentiles(xs);
    expect(p.mean).toBeCloseTo(30, 0); // (10 + 20 + 60) / 3
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(60);
    // median of a triangular with mode 20 on [10, 60]: 60 − √(0.5 × 50 × 40) = 28.38
    expect(p.p50).toBeCloseTo(60 - Math.sqrt(1000), 0);
  });
});

describe('Monte Carlo of the reference case with three ranges', () => {
  const r = computeTco(withRanges(), { draws: 10_000, seed: 5 });
  if (!r.ok) throw new Error('invalid');
  const u = r.value.uncertainty!;

  it('runs 10 000 seeded draws and orders P10 ≤ P50 ≤ P90', () => {
    expect(u.draws).toBe(10_000);
    expect(u.uncertainInputs).toBe(3);
    for (const o of u.perOffer) {
      expect(o.tcoPerUnit.p10).toBeLessThanOrEqual(o.tcoPerUnit.p50);
      expect(o.tcoPerUnit.p50).toBeLessThanOrEqual(o.tcoPerUnit.p90);
      expect(o.histogram.reduce((a, b) => a + b.count, 0)).toBe(10_000);
    }
  });

  it('gives the probability that Loudéac is cheaper: certain here, the gap never closes', () => {
    // Even at the worst corner (freight 1 500 €, FX 0.85, local defects 2 %) Shenzhen stays ≈ 2.5 € dearer.
    expect(u.pairs[0]!.pReferenceCheaper).toBe(1);
    expect(u.pReferenceCheapest).toBe(1);
    expect(u.pairs[0]!.gapPerUnit.p10).toBeGreaterThan(2);
  });

  it('sorts the tornado by swing: freight first, then FX, then local defects', () => {
    expect(u.tornado.map((t) => t.path)).toEqual([
      'offers.shenzhen.landed.freightPerShipment',
      'offers.shenzhen.fxToEur',
      'offers.loudeac.quality.defectRate',
    ]);
    const [freight, fx, defects] = u.tornado as [TornadoEntry, TornadoEntry, TornadoEntry];
    // freight: (6 000 − 1 500) × 5 shipments ÷ 10 000 = 2.25 € of A4, plus insurance, duty and stock on it
    expect(freight.swing).toBeGreaterThan(2.25);
    expect(freight.swing).toBeLessThan(2.25 * 1.2);
    // FX: (0.95 − 0.85) × 10 USD = 1 € of price, plus every line proportional to the price
    expect(fx.swing).toBeGreaterThan(1);
    expect(fx.swing).toBeLessThan(1.4);
    // local defects: (2 % − 0.5 %) × 11.5 € = 0.1725 €, the gap shrinks when they rise
    expect(defects.swing).toBeCloseTo(0.1725, 9);
    expect(defects.gapAtHigh).toBeLessThan(defects.gapAtLow);
  });
});

describe('flip values', () => {
  it('finds the Shenzhen price below which Shenzhen wins, and checks it', () => {
    const r = computeTco(referenceCase, { draws: 0 });
    if (!r.ok) throw new Error('invalid');
    const flip = r.value.comparisons[0]!.flips.find((f) => f.path === 'offers.shenzhen.price')!;
    expect(flip.flipAt).not.toBeNull();
    expect(flip.flipAt!).toBeLessThan(10);
    expect(flip.message).toMatch(/bascule en dessous de/);
    // At that price both TCOs are equal (to a thousandth of a cent).
    const at = structuredClone(referenceCase);
    at.offers[0]!.price = flip.flipAt!;
    const again = computeTco(at, { draws: 0, skipFlips: true });
    if (!again.ok) throw new Error('invalid');
    expect(again.value.offers[0]!.tcoPerUnit).toBeCloseTo(again.value.offers[1]!.tcoPerUnit, 5);
  });

  it('says when an input never flips the decision in its range', () => {
    const r = computeTco(referenceCase, { draws: 0 });
    if (!r.ok) throw new Error('invalid');
    const carbon = r.value.comparisons[0]!.flips.find((f) => f.path === 'common.carbonPrice')!;
    expect(carbon.flipAt).toBeNull();
    expect(carbon.message).toContain('ne bascule pas entre 0 €/tCO2e et 500 €/tCO2e');
  });
});

describe('compilation problems', () => {
  it('lists every problem in French at once', () => {
    const bad = structuredClone(referenceCase);
    bad.common.annualVolume = 0;
    bad.offers[0]!.currency = 'VND';
    delete bad.offers[0]!.fxToEur;
    bad.offers[0]!.origin = { country: 'CN' };
    const r = compileScenario(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.error.map((p) => p.message).join('\n');
    expect(text).toMatch(/volume annuel doit être strictement positif/);
    expect(text).toMatch(/devise « VND » sans taux de référence/);
    expect(text).toMatch(/origine introuvable/);
  });
});
