// The rules around the formulas, each with a worked example (the line-by-line arithmetic of every
// factor is in reference-case.test.ts).
import { describe, expect, it } from 'vitest';
import { a10Cbam, a4Freight, escalationFactor, normalQuantile, safetyStockUnits } from './formulas.ts';
import { computeTco } from './index.ts';
import { referenceCase } from './fixtures/reference-case.ts';
import {
  q,
  perYear,
  type EurPerUnit,
  type EurPerYear,
  type Kg,
  type TonneKm,
  type UnitsPerYear,
} from './quantities.ts';
import { cbamFreeAllocation, cbamMarkup } from './reference-data.ts';
import type { OfferInput, Scenario, TcoResult } from './types.ts';

function compute(s: Scenario): TcoResult {
  const r = computeTco(s, { draws: 0 });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join(' '));
  return r.value;
}
/** The reference case with the Shenzhen offer changed. */
function withFar(change: (o: OfferInput) => OfferInput, common: Partial<Scenario['common']> = {}): Scenario {
  const [far, local] = referenceCase.offers as [OfferInput, OfferInput];
  return {
    ...referenceCase,
    common: { ...referenceCase.common, ...common },
    offers: [change(structuredClone(far)), local],
  };
}
const farLine = (r: TcoResult, id: string) => r.offers[0]!.lines.find((l) => l.id === id)!;

describe('typed quantities', () => {
  it('refuses a unit slip at compile time', () => {
    const rate = q<'EUR/unit'>(2) as EurPerUnit;
    const volume = q<'unit/year'>(1000) as UnitsPerYear;
    const yearly: EurPerYear = perYear(rate, volume);
    expect(yearly).toBe(2000);
    // @ts-expect-error €/year is not €/unit
    const wrong: EurPerUnit = yearly;
    // @ts-expect-error kilograms are not tonne-kilometres
    const work: TonneKm = q<'kg'>(5) as Kg;
    expect([wrong, work]).toHaveLength(2);
  });
});

describe('A4 freight', () => {
  it('adds containers and groupage: 4 × 2 400 € ÷ 20 000 + 0.30 €/kg × 1.5 kg = 0.48 + 0.45 = 0.93 €', () => {
    expect(a4Freight(q(4), q(2400), q(20000), q(0.3), q(1.5))).toBeCloseTo(0.93, 12);
  });
});

describe('A10 CBAM', () => {
  it('applies the default-value mark-up by year: 10 % in 2026, 20 % in 2027, 30 % from 2028', () => {
    expect([
      cbamMarkup(2025),
      cbamMarkup(2026),
      cbamMarkup(2027),
      cbamMarkup(2028),
      cbamMarkup(2031),
    ]).toEqual([0, 0.1, 0.2, 0.3, 0.3]);
    expect([cbamFreeAllocation(2026), cbamFreeAllocation(2030), cbamFreeAllocation(2034)]).toEqual([
      0.975, 0.515, 0,
    ]);
  });

  it('costs 1 t × ((2 × 1.3) − 1.288 × 0.9) × 80 € − 10 € × 2 paid abroad = 95.26 € per tonne in 2028', () => {
    // certificates = 2.6 − 1.1592 = 1.4408 t; × 80 € = 115.264 €; − 20 € paid in the origin country
    expect(a10Cbam(q(1000), 2, q(0.3), 1.288, q(0.9), q(80), q(10))).toBeCloseTo(95.264, 9);
  });

  it('is zero below 50 t a year of CBAM goods, and says why', () => {
    const r = compute(
      withFar((o) => ({
        ...o,
        landed: { ...o.landed, cbam: { category: 'iron-steel', embeddedTco2ePerTonne: 2 } },
      })),
    );
    // 10 000 units × 2 kg = 20 t < 50 t
    expect(farLine(r, 'A10').perUnit).toBe(0);
    expect(farLine(r, 'A10').formula).toMatch(/sous le seuil : 20 t\/an < 50 t\/an/);
  });

  it('always applies to hydrogen, even under 50 t', () => {
    const r = compute(
      withFar((o) => ({
        ...o,
        landed: { ...o.landed, cbam: { category: 'hydrogen', embeddedTco2ePerTonne: 10 } },
      })),
    );
    // 0.002 t × (10 × 1.1 − 6.84 × 0.975) × 100 € = 0.002 × 433.1 = 0.8662 €
    expect(farLine(r, 'A10').perUnit).toBeCloseTo(0.8662, 9);
  });

  it('does not apply to goods from another EU member', () => {
    const r = compute(
      withFar((o) => ({
        ...o,
        origin: { country: 'DE', lat: 51.45, lon: 7.01 },
        transport: { mainMode: 'road', mainKm: 1100 },
      })),
    );
    expect(farLine(r, 'A10').perUnit).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/origine dans l’UE, le MACF ne s’applique pas/);
  });
});

describe('B4 safety stock', () => {
  it('z × √(LT σ_w² + d_w² σ_LT²): 5 200 units/year, cv 0.5, 4 ± 1 weeks at 95 % → 1.6449 × √(4 × 50² + 100² × 1²) = 232.6 units', () => {
    // d_w = 100, σ_w = 50, σ_LT = 1 week: √(10 000 + 10 000) = 141.42; × 1.644854 = 232.62
    expect(safetyStockUnits(normalQuantile(0.95), q(5200), 0.5, q(4), q(1))).toBeCloseTo(
      1.644853627 * Math.sqrt(20000),
      6,
    );
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
  });
});

describe('D2 lead-time mismatch (anti-double-count rule)', () => {
  it('is counted when B5 is not priced', () => {
    const line = farLine(compute(referenceCase), 'D2');
    expect(line.counted).toBe(true);
    expect(line.note).toMatch(/compté : B5 n’est pas chiffré/);
  });

  it('is shown but not added when obsolescence (B5) already prices the same risk', () => {
    const base = compute(referenceCase).offers[0]!;
    const r = compute(withFar((o) => ({ ...o, stock: { ...o.stock, obsolescenceUnits: 500 } })));
    const far = r.offers[0]!;
    // B5 = 500 × 11.15652 ÷ (10 000 × 5) = 0.1115652 € replaces D2 = 0.5259502 €
    expect(farLine(r, 'B5').perUnit).toBeCloseTo(0.1115652, 9);
    expect(farLine(r, 'D2').counted).toBe(false);
    expect(farLine(r, 'D2').note).toMatch(/déjà chiffré en B5/);
    expect(far.tcoPerUnit).toBeCloseTo(base.tcoPerUnit - 0.5259502286 + 0.1115652, 8);
  });

  it('can be forced off when the D1 impact already includes the expediting', () => {
    const r = compute(withFar((o) => ({ ...o, risk: { ...o.risk, leadTimeMismatch: 'skip' } })));
    expect(farLine(r, 'D2').counted).toBe(false);
  });
});

describe('D3 currency', () => {
  it('takes a 3 % buffer on a USD price by default, but none when the rate itself is a range (the Monte Carlo carries the risk)', () => {
    const noBuffer = (o: OfferInput): OfferInput => ({ ...o, risk: { ...o.risk, fxBufferRate: undefined } });
    const point = compute(withFar(noBuffer));
    expect(farLine(point, 'D3').perUnit).toBeCloseTo(0.27, 12); // 3 % × 9 €
    const ranged = compute(
      withFar((o) => ({ ...noBuffer(o), fxToEur: { low: 0.85, likely: 0.9, high: 0.95 } })),
    );
    expect(farLine(ranged, 'D3').perUnit).toBe(0);
    expect(farLine(ranged, 'D3').inputs[0]!.source).toMatch(/fourchette du taux/);
  });
});

describe('D6 escalation', () => {
  it('levels the price increase over the horizon: 3 %/year over 3 years at 8 % → 2.874 % of the price', () => {
    expect(escalationFactor(0.03, 3, 0.08)).toBeCloseTo(
      (0.03 / 1.08 + 0.0609 / 1.1664) / (1 + 1 / 1.08 + 1 / 1.1664),
      12,
    );
    expect(escalationFactor(0.05, 1, 0.08)).toBe(0); // one year: no escalation yet
  });
});

describe('E3 embodied carbon', () => {
  it('is information by default and joins the TCO when the scenario says so', () => {
    const info = compute(referenceCase).offers[0]!;
    const counted = compute({
      ...referenceCase,
      common: { ...referenceCase.common, includeEmbodiedCarbon: true },
    }).offers[0]!;
    expect(counted.tcoPerUnit - info.tcoPerUnit).toBeCloseTo(0.3, 10); // 0.002 t × 1.5 × 100 €
  });
});

describe('A6 air share and E2 transport carbon', () => {
  it('moves 10 % of the volume by air: cost share and air emissions over the great circle', () => {
    const base = compute(referenceCase).offers[0]!;
    const r = compute(withFar((o) => ({ ...o, landed: { ...o.landed, airShare: 0.1, airCostPerUnit: 3 } })));
    expect(farLine(r, 'A6').perUnit).toBeCloseTo(0.3, 12); // 10 % × 3 €
    // E2: the sea leg loses 10 % (−0.1 × 0.002 × 18 000 × 0.008 × 0.1 €/kg) and the air leg adds
    // 0.1 × 0.002 t × great circle Shenzhen → Rennes × 0.8 kg/t·km × 0.1 €/kg
    const air = r.offers[0]!.distances;
    expect(air.mainMode).toBe('sea');
    const gc = farLine(r, 'E2').inputs.find((i) => i.name === 'Distance aérienne')!.value;
    expect(gc).toBeGreaterThan(9000);
    expect(farLine(r, 'E2').perUnit - farLine(compute(referenceCase), 'E2').perUnit).toBeCloseTo(
      -0.1 * 0.002 * 18000 * 0.008 * 0.1 + 0.1 * 0.002 * gc * 0.8 * 0.1,
      10,
    );
    expect(base.tcoPerUnit).toBeLessThan(r.offers[0]!.tcoPerUnit);
  });
});

describe('T1 regional value', () => {
  it('gives the IBAL points of the spend when the company’s purchases are known, never adding them to the TCO', () => {
    const r = compute({
      ...referenceCase,
      common: { ...referenceCase.common, companyAnnualPurchases: 2_000_000 },
    });
    const local = r.offers[1]!;
    // 69 000 € in Brittany out of 2 000 000 € of purchases = 3.45 points of IBAL Bretagne
    expect(local.regional.ibalBretagnePoints).toBeCloseTo(3.45, 10);
    expect(local.regional.ibalFrancePoints).toBeCloseTo(5.175, 10); // 103 500 € in France
    expect(local.tcoPerUnit).toBeCloseTo(compute(referenceCase).offers[1]!.tcoPerUnit, 12);
  });
});

describe('explanations', () => {
  it('gives every line a French formula and a source for every input', () => {
    for (const offer of compute(referenceCase).offers) {
      for (const l of offer.lines) {
        expect(l.formula.length, l.id).toBeGreaterThan(5);
        for (const i of l.inputs) expect(i.source, `${l.id} ${i.name}`).not.toBe('');
      }
    }
    const b1 = farLine(compute(referenceCase), 'B1');
    expect(b1.formula).toBe('CIF 10,15 € × r 25 % × 42 jours ÷ 365');
  });
});
