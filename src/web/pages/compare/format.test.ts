import { describe, expect, it } from 'vitest';
import { deName, eurUnit, eurYearCents, pct, verdictSentence } from './format.ts';

const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('French figures', () => {
  it('formats per-unit rates, yearly cents and shares the French way', () => {
    expect(nbsp(eurUnit(5.3478))).toBe('5,35 €');
    expect(nbsp(eurUnit(0.03421))).toBe('0,0342 €');
    expect(nbsp(eurYearCents(5347812))).toBe('53 478 €');
    expect(nbsp(pct(0.183))).toBe('18 %');
    expect(deName('Shenzhen')).toBe('de Shenzhen');
    expect(deName('Istanbul')).toBe('d’Istanbul');
  });
});

describe('the verdict sentence: gap on price against gap on total cost', () => {
  const base = { farName: 'Shenzhen', localName: 'Loudéac' };
  it.each([
    // far price, local price, far TCO, local TCO → sentence
    [
      4.1,
      5.0,
      5.83,
      5.5,
      'L’offre de Shenzhen est 18 % moins chère à l’achat, mais 6 % plus chère en coût complet.',
    ],
    [
      4.0,
      5.0,
      4.5,
      5.0,
      'L’offre de Shenzhen est 20 % moins chère à l’achat, et encore 10 % moins chère en coût complet.',
    ],
    [
      5.5,
      5.0,
      6.0,
      5.0,
      'L’offre de Shenzhen est 10 % plus chère à l’achat, et 20 % plus chère en coût complet.',
    ],
    [
      4.0,
      5.0,
      5.0,
      5.0,
      'L’offre de Shenzhen est 20 % moins chère à l’achat, mais revient au même coût complet.',
    ],
    [
      5.0,
      5.0,
      5.5,
      5.0,
      'L’offre de Shenzhen est au même prix d’achat que l’offre de Loudéac, mais 10 % plus chère en coût complet.',
    ],
  ])('far %d €, local %d €, TCO %d € vs %d €', (farPrice, localPrice, farTco, localTco, sentence) => {
    expect(nbsp(verdictSentence({ ...base, farPrice, localPrice, farTco, localTco }))).toBe(sentence);
  });
});
