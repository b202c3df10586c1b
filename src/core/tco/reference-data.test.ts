import { describe, expect, it } from 'vitest';
import { allReferenceFigures, fxToEur, overdueFigures, REFERENCE } from './reference-data.ts';

describe('reference data of the TCO model', () => {
  it('has no figure past its review date (today, by the clock)', () => {
    const today = new Date().toISOString().slice(0, 10);
    const overdue = overdueFigures(today).map(
      (f) => `${f.id} (« ${f.label} », à revoir avant le ${f.reviewBy}, source : ${f.source})`,
    );
    expect(overdue, `Chiffres à revoir :\n${overdue.join('\n')}`).toEqual([]);
  });

  it('lists a figure whose review date has passed', () => {
    // The check itself works: seen from 2040, every figure is overdue.
    expect(overdueFigures('2040-01-01').length).toBe(allReferenceFigures().length);
    expect(overdueFigures('2000-01-01')).toEqual([]);
  });

  it('gives every figure a source, a date and a later review date', () => {
    const ids = new Set<string>();
    for (const f of allReferenceFigures()) {
      expect(ids.has(f.id), f.id).toBe(false);
      ids.add(f.id);
      expect(f.source.length, f.id).toBeGreaterThan(10);
      expect(f.asOf, f.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(f.reviewBy, f.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.reviewBy > f.asOf, f.id).toBe(true);
    }
  });

  it('keeps the model’s defaults: r 25 %, insurance 0.5 %, 95 % service, €80/t, 45/60 days, σ 7 days', () => {
    expect(REFERENCE.carryingRate.value).toBe(0.25);
    expect(REFERENCE.insuranceRate.value).toBe(0.005);
    expect(REFERENCE.serviceLevel.value).toBe(0.95);
    expect(REFERENCE.carbonPrice.value).toBe(80);
    expect([
      REFERENCE.doorToDoorSuezDays.value,
      REFERENCE.doorToDoorCapeDays.value,
      REFERENCE.transitSigmaDays.value,
    ]).toEqual([45, 60, 7]);
    expect([
      REFERENCE.efSeaContainer.value,
      REFERENCE.efTruck.value,
      REFERENCE.efRailFr.value,
      REFERENCE.efAirFreighter.value,
    ]).toEqual([0.008, 0.1, 0.006, 0.8]);
  });

  it('converts currencies to euros, the scenario’s own rate first', () => {
    expect(fxToEur('EUR')).toBe(1);
    expect(fxToEur('usd')).toBeCloseTo(1 / 1.16, 12);
    expect(fxToEur('USD', { USD: 0.9 })).toBe(0.9);
    expect(fxToEur('VND')).toBeNull();
  });
});
