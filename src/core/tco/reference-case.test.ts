// The complete reference case (fixtures/reference-case.ts), computed by hand line by line.
// Notation: Q = 10 000 units/year, r = 25 %/year, z = Φ⁻¹(0.95) = 1.644854, d_w = Q/52 = 192.3077,
// σ_w = 0.3 × d_w = 57.6923, carbon 100 €/t, horizon 3 years at 8 %.
import { describe, expect, it } from 'vitest';
import { computeTco } from './index.ts';
import { referenceCase } from './fixtures/reference-case.ts';
import type { OfferResult, TcoResult } from './types.ts';

function result(): TcoResult {
  const r = computeTco(referenceCase, { draws: 0 });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join(' '));
  return r.value;
}
const line = (o: OfferResult, id: string) => o.lines.find((l) => l.id === id)!;

describe('reference case Shenzhen vs Loudéac, by hand', () => {
  const res = result();
  const far = res.offers[0]!;
  const local = res.offers[1]!;

  // Shenzhen, per unit (€):
  const farLines: [string, number, string][] = [
    ['A1', 9, '10 USD × 0.9 = 9'],
    ['A2', 0.2, '10 000 € ÷ (10 000 × 5 years)'],
    ['A3', 0.1, 'packaging'],
    ['A4', 1.0, '5 containers × 2 000 € ÷ 10 000'],
    ['A5', 0.5, '5 × 1 000 € ÷ 10 000'],
    ['A6', 0, 'nothing by air'],
    ['A7', 0.0505, '0.5 % × (9 + 0.1 + 1.0)'],
    // CIF = 9 + 0.1 + 1.0 + 0.0505 = 10.1505
    ['A8', 0.40602, '4 % × 10.1505'],
    ['A9', 0.1, '5 × 200 € ÷ 10 000'],
    // L = 10.1505 + 0.40602 + 0.1 + 0.5 = 11.15652
    ['A10', 0.18884, 'CBAM 120 t ≥ 50 t: 0.002 t × (2 × 1.10 − 1.288 × 0.975) × 100 € = 0.002 × 94.42'],
    ['B1', 0.2920006849, '10.1505 × 0.25 × 42 / 365'],
    ['B2', 0.1294520548, '30 % × 9 × 0.25 × (4 weeks × 7 + 42 days = 70) / 365'],
    ['B3', 0.278913, '11.15652 × 0.25 ÷ (2 × 5)'],
    // LT = 4 + 42/7 = 10 weeks, σ_LT = 1 week → 1.644854 × √(10 × 57.6923² + 192.3077² × 1²) = 436.0143 units
    ['B4', 0.121610051, '436.0143 × 11.15652 × 0.25 ÷ 10 000'],
    ['B5', 0, 'no write-off'],
    ['B6', 0.05, 'warehousing'],
    ['C1', 0.23, '2 % × 9 € + 0.05 € inspection'],
    ['C2', 0.6, '2 trips × 3 000 € ÷ 10 000'],
    ['C3', 0.25, '50 h × 50 € ÷ 10 000'],
    ['C4', 0.09, '1 % × 9'],
    ['D1', 0.3, '10 % × 30 000 € ÷ 10 000'],
    // Loudéac LT = 2 + 1/7 = 2.142857 weeks → 7.857143 weeks more
    ['D2', 0.5259502286, '0.6 % × 11.15652 × 7.857143'],
    ['D3', 0.27, '3 % × 9'],
    ['D4', 0.09, '1 % × 9'],
    ['D5', 0.20301, '20 % × 10 % × 10.1505'],
    // factor = (0 + 0.03/1.08 + 0.0609/1.1664) ÷ (1 + 1/1.08 + 1/1.1664) = 0.0799897 ÷ 2.783265 = 0.0287395
    ['D6', 0.2586557417, '9 × 0.0287395'],
    ['E1', 0.045, '0.5 % × 9'],
    ['E2', 0.0344, '0.002 t × (30 × 0.1 + 18 000 × 0.008 + 250 × 0.1) = 0.344 kg = 0.000344 t × 100 €'],
    ['E3', 0.3, '0.002 t × 1.5 t/t × 100 € (information, not added)'],
  ];
  it.each(farLines)('Shenzhen %s = %d (%s)', (id, expected) => {
    expect(line(far, id).perUnit).toBeCloseTo(expected, 8);
  });

  // Loudéac, per unit (€): CIF = L = 11.5 + 0.05 = 11.55 (franco, no insurance, no duty)
  const localLines: [string, number, string][] = [
    ['A1', 11.5, 'EUR price'],
    ['A3', 0.05, 'packaging'],
    ['A7', 0, 'franco: no cargo insurance'],
    ['B1', 0.0079109589, '11.55 × 0.25 × 1 / 365'],
    ['B2', 0, 'no deposit'],
    ['B3', 0.0721875, '11.55 × 0.25 ÷ (2 × 20)'],
    // LT = 2.142857 weeks, σ_LT = 0.5/7 = 0.0714286 → 1.644854 × √(2.142857 × 57.6923² + 192.3077² × 0.0714286²) = 140.7381
    ['B4', 0.0406381317, '140.7381 × 11.55 × 0.25 ÷ 10 000'],
    ['C1', 0.115, '1 % × 11.5'],
    ['C2', 0.02, '200 € ÷ 10 000'],
    ['C3', 0.05, '10 h × 50 € ÷ 10 000'],
    ['D1', 0.09, '3 % × 30 000 € ÷ 10 000'],
    ['D2', 0, 'the fastest offer'],
    ['D3', 0, 'euros: no FX buffer'],
    // factor = (0 + 0.02/1.08 + 0.0404/1.1664) ÷ 2.783265 = 0.0190981
    ['D6', 0.2196278955, '11.5 × 0.0190981'],
    ['E2', 0.002, '0.002 t × 100 km × 0.1 = 0.02 kg × 100 €/t'],
  ];
  it.each(localLines)('Loudéac %s = %d (%s)', (id, expected) => {
    expect(line(local, id).perUnit).toBeCloseTo(expected, 8);
  });

  it('adds the counted lines: Shenzhen 15.3144 €/unit, Loudéac 12.2174 €/unit', () => {
    // Shenzhen: sum of the lines above except E3 (information) = 15.314351761
    expect(far.tcoPerUnit).toBeCloseTo(15.314351761, 8);
    expect(far.tcoPerYearCents).toBe(15314352); // 153 143.5176 € → 153 143.52 €
    expect(local.tcoPerUnit).toBeCloseTo(12.217364486, 8);
    expect(local.tcoPerYearCents).toBe(12217364);
    expect(line(far, 'E3').counted).toBe(false);
  });

  it('shows why the gap on TCO differs from the gap on price', () => {
    const cmp = res.comparisons[0]!;
    expect(cmp.priceGapPerUnit).toBeCloseTo(9 - 11.5, 10); // Shenzhen 2.50 € cheaper on price
    expect(cmp.tcoGapPerUnit).toBeCloseTo(3.096987275, 8); // but 3.10 € dearer on TCO
    expect(cmp.tcoGapPerYearCents).toBe(3096987);
  });

  it('solves the break-even Loudéac price: 14.5081 €', () => {
    // TCO(Loudéac) is affine in its price, slope = 1 + 0.25/365 + 0.25/40 + 140.7381 × 0.25/10 000 + 0.0190981
    // = 1.02955146; price = 11.5 + 3.096987 ÷ 1.02955146 = 14.50809371
    const be = result().comparisons[0]!.breakEvenReferencePrice!;
    expect(be.method).toBe('exact');
    expect(be.price).toBeCloseTo(14.508093707, 7);
    expect(be.referenceTcoCents).toBe(be.otherTcoCents);
  });

  it('keeps the regional value beside the TCO: 60 % of 115 000 € stays in Brittany', () => {
    expect(local.regional.bretagnePerYearCents).toBe(6900000); // 11.5 × 10 000 × 0.6 = 69 000 €
    expect(local.regional.line.counted).toBe(false);
    expect(far.regional.bretagnePerYearCents).toBe(0);
  });
});
