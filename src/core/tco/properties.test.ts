// Properties of the model, checked on many random scenarios (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceCase } from './fixtures/reference-case.ts';
import { compileScenario, computeTco, simulate, unitToCents, type EurPerUnit } from './index.ts';
import type { OfferInput, Scenario, TcoResult } from './types.ts';

const compute = (s: Scenario, draws = 0): TcoResult => {
  const r = computeTco(s, { draws, skipFlips: true });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join(' '));
  return r.value;
};

/** A random variation of the reference case: volumes, prices, rates, times, freight. */
const scenarioArb = fc
  .record({
    volume: fc.integer({ min: 50, max: 500_000 }),
    weight: fc.double({ min: 0.01, max: 50, noNaN: true }),
    farPrice: fc.double({ min: 0.05, max: 500, noNaN: true }),
    localPrice: fc.double({ min: 0.05, max: 800, noNaN: true }),
    fx: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
    freight: fc.double({ min: 0, max: 15_000, noNaN: true }),
    duty: fc.double({ min: 0, max: 0.4, noNaN: true }),
    transit: fc.double({ min: 5, max: 90, noNaN: true }),
    carrying: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
    deposit: fc.double({ min: 0, max: 1, noNaN: true }),
    shipments: fc.integer({ min: 1, max: 52 }),
    escalation: fc.double({ min: 0, max: 0.1, noNaN: true }),
  })
  .map((p): Scenario => {
    const [far, local] = structuredClone(referenceCase.offers) as [OfferInput, OfferInput];
    far.price = p.farPrice;
    far.fxToEur = p.fx;
    far.landed = {
      ...far.landed,
      freightPerShipment: p.freight,
      dutyRate: p.duty,
      shipmentsPerYear: p.shipments,
    };
    far.stock = { ...far.stock, transitDays: p.transit, depositShare: p.deposit };
    far.risk = { ...far.risk, escalationRate: p.escalation };
    local.price = p.localPrice;
    return {
      ...referenceCase,
      common: {
        ...referenceCase.common,
        annualVolume: p.volume,
        unitWeightKg: p.weight,
        carryingRate: p.carrying,
      },
      offers: [far, local],
    };
  });

describe('properties of the TCO model', () => {
  it('a higher price never lowers the TCO (of either offer)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0.001, max: 100, noNaN: true }), (s, delta) => {
        const before = compute(s).offers.map((o) => o.tcoPerUnit);
        for (const i of [0, 1]) {
          const higher = structuredClone(s);
          higher.offers[i]!.price = (higher.offers[i]!.price as number) + delta;
          const after = compute(higher).offers[i]!.tcoPerUnit;
          expect(after).toBeGreaterThan(before[i]!);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('at the break-even local price both TCOs are equal to the cent', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const be = compute(s).comparisons[0]!.breakEvenReferencePrice;
        if (be === null) {
          // Only when the local offer is dearer even at a price of 0.
          const free = structuredClone(s);
          free.offers[1]!.price = 0;
          const r = compute(free);
          expect(r.offers[1]!.tcoPerUnit).toBeGreaterThan(r.offers[0]!.tcoPerUnit);
          return;
        }
        const at = structuredClone(s);
        at.offers[1]!.price = be.price;
        const r = compute(at);
        expect(unitToCents(r.offers[1]!.tcoPerUnit as EurPerUnit)).toBe(
          unitToCents(r.offers[0]!.tcoPerUnit as EurPerUnit),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives the same distribution, another seed another one', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 2 ** 31 }), (s, seed) => {
        const uncertain = structuredClone(s);
        const p = uncertain.offers[0]!.price as number;
        uncertain.offers[0]!.price = { low: p * 0.9, likely: p, high: p * 1.3 };
        const c = compileScenario(uncertain);
        if (!c.ok) throw new Error('invalid');
        const a = simulate(c.value, 300, seed);
        const b = simulate(c.value, 300, seed);
        expect(b).toEqual(a);
        expect(simulate(c.value, 300, seed + 1)[0]).not.toEqual(a[0]);
      }),
      { numRuns: 25 },
    );
  });

  it('adding an uncertain range never changes the deterministic result', () => {
    const paths: ((
      o: OfferInput,
      r: (v: number) => { low: number; likely: number; high: number },
    ) => void)[] = [
      (o, r) => (o.price = r(o.price as number)),
      (o, r) => (o.landed!.freightPerShipment = r(o.landed!.freightPerShipment as number)),
      (o, r) => (o.stock!.transitDays = r(o.stock!.transitDays as number)),
      (o, r) => (o.risk!.escalationRate = r(o.risk!.escalationRate as number)),
      (o, r) => (o.landed!.dutyRate = r(o.landed!.dutyRate as number)),
    ];
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (s, which, down, up) => {
          const ranged = structuredClone(s);
          paths[which]!(ranged.offers[0]!, (v) => ({ low: v * (1 - down), likely: v, high: v * (1 + up) }));
          const plain = compute(s);
          const withRange = compute(ranged, 200);
          expect(withRange.offers.map((o) => o.lines.map((l) => l.perUnit))).toEqual(
            plain.offers.map((o) => o.lines.map((l) => l.perUnit)),
          );
          expect(withRange.uncertainty?.uncertainInputs).toBe(1);
        },
      ),
      { numRuns: 30 },
    );
  });
});
