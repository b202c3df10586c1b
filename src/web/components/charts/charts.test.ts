import { describe, expect, it } from 'vitest';
import { chartColors, clip, linearScale, niceTicks } from './scene.ts';
import { waterfallBars, waterfallChart } from './waterfall.ts';
import { rankTornado, tornadoChart } from './tornado.ts';
import { cumulativeChart, runningTotals } from './cumulative.ts';
import { densities, distributionChart, histogram } from './distribution.ts';
import { pdfSafeText } from './pdf-text.ts';

const eur = (v: number) => `${v.toFixed(2).replace('.', ',')} €`;

/** WCAG relative luminance contrast against white. */
function contrastOnWhite(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const lin = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  return 1.05 / (l + 0.05);
}

describe('chart labels', () => {
  it('shortens a long label but keeps the offer named in its final parenthesis', () => {
    expect(clip('Probabilité de rupture dans l’année (Shenzhen)', 30)).toBe('Probabilité de rup… (Shenzhen)');
    expect(clip('Fret principal', 30)).toBe('Fret principal');
    expect(clip('Une très longue étiquette sans parenthèse', 12)).toBe('Une très lo…');
  });
});

describe('chart scales', () => {
  it('maps a domain onto pixels, including a reversed vertical axis', () => {
    const y = linearScale(0, 10, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(linearScale(3, 3, 0, 100)(3)).toBe(50);
  });

  it.each([
    [0, 9.7, 5, [0, 2, 4, 6, 8, 10]],
    [4.1, 5.3, 5, [4, 4.25, 4.5, 4.75, 5, 5.25, 5.5]],
    [-120, 480, 4, [-200, 0, 200, 400, 600]],
    [0, 0, 5, [0, 1]],
  ])('round ticks covering %d … %d', (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected);
  });
});

describe('waterfall from price to TCO', () => {
  const steps = [
    { label: 'Prix', value: 4.2, total: true },
    { label: 'Coût rendu', value: 0.9 },
    { label: 'Stocks et trésorerie', value: 0.35 },
    { label: 'Change favorable', value: -0.1 },
    { label: 'Coût complet', value: 5.35, total: true },
  ];

  it('floats each step from the running total', () => {
    const bars = waterfallBars(steps);
    expect(bars.map((b) => [b.start, b.end].map((v) => Number(v.toFixed(2))))).toEqual([
      [0, 4.2],
      [4.2, 5.1],
      [5.1, 5.45],
      [5.45, 5.35],
      [0, 5.35],
    ]);
  });

  it('labels increases and decreases with a sign, not only a colour, and hatches decreases', () => {
    const chart = waterfallChart(steps, { title: 'Cascade', desc: 'd', format: eur });
    const texts = chart.scene.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    expect(texts).toContain('+ 0,90 €');
    expect(texts).toContain('− 0,10 €');
    expect(chart.scene.shapes.filter((s) => s.kind === 'rect' && s.hatch)).toHaveLength(1);
    expect(chart.table.rows[3]).toEqual(['Change favorable', '− 0,10 €', '5,35 €']);
  });
});

describe('tornado', () => {
  it('puts the input with the largest swing on top', () => {
    const bars = [
      { label: 'Fret', atLow: 0.1, atHigh: 0.3 },
      { label: 'Taux de change', atLow: -0.4, atHigh: 0.6 },
      { label: 'Droits', atLow: 0.15, atHigh: 0.2 },
    ];
    expect(rankTornado(bars).map((b) => b.label)).toEqual(['Taux de change', 'Fret', 'Droits']);
    expect(rankTornado(bars, 1)).toHaveLength(1);
    const chart = tornadoChart(bars, { title: 't', desc: 'd', base: 0.2, format: eur });
    expect(chart.table.rows[0]).toEqual(['Taux de change', '', '-0,40 €', '', '0,60 €']);
  });
});

describe('cumulative hard → soft costs', () => {
  it('accumulates each offer and shows where the far offer overtakes', () => {
    expect(runningTotals([4, 1, 0.5])).toEqual([4, 5, 5.5]);
    const chart = cumulativeChart(
      [
        { name: 'Shenzhen', values: [4, 1.2, 0.6] },
        { name: 'Loudéac', values: [5, 0.2, 0.1] },
      ],
      { title: 't', desc: 'd', steps: ['Prix', 'Rendu', 'Stocks'], format: eur },
    );
    expect(chart.table.rows).toEqual([
      ['Prix', '4,00 €', '5,00 €'],
      ['Rendu', '5,20 €', '5,20 €'],
      ['Stocks', '5,80 €', '5,30 €'],
    ]);
    // The two series differ by dash pattern as well as colour.
    const paths = chart.scene.shapes.filter((s) => s.kind === 'path');
    expect(paths.map((p) => (p.kind === 'path' ? Boolean(p.dash) : null))).toEqual([true, false]);
  });
});

describe('distribution of the TCO', () => {
  it('bins draws and turns counts into densities', () => {
    const bins = histogram([1, 1.5, 2, 2.2, 3.9, 4, 9], 1, 4, 3);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2]);
    expect(densities(bins)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(
      densities([
        { from: 0, to: 2, count: 1 },
        { from: 2, to: 3, count: 1 },
      ]),
    ).toEqual([0.25, 0.5]);
  });

  it('marks P10, P50 and P90 of each offer and lists them in the table', () => {
    const chart = distributionChart(
      [
        { name: 'Shenzhen', bins: histogram([5, 5.5, 6, 6.5], 5, 7, 4), p10: 5.1, p50: 5.7, p90: 6.4 },
        { name: 'Loudéac', bins: histogram([5.2, 5.3, 5.4], 5, 6, 4), p10: 5.2, p50: 5.3, p90: 5.4 },
      ],
      { title: 't', desc: 'd', format: eur },
    );
    const labels = chart.scene.shapes.flatMap((s) =>
      s.kind === 'text' && /^P\d0$/.test(s.text) ? [s.text] : [],
    );
    expect(labels).toEqual(['P10', 'P50', 'P90', 'P10', 'P50', 'P90']);
    expect(chart.table.rows[1]).toEqual(['Loudéac', '5,20 €', '5,30 €', '5,40 €']);
  });
});

describe('colours and PDF text', () => {
  it('every chart colour but the grid reaches 4.5:1 on white', () => {
    for (const [name, hex] of Object.entries(chartColors)) {
      if (name !== 'grid') expect(contrastOnWhite(hex), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps French accents, œ and € for the PDF standard fonts, and replaces what they lack', () => {
    expect(pdfSafeText('Cœur d’œuvre : 1\u202f234,56 € « coût » — élevé')).toBe(
      'Cœur d’œuvre : 1\u00a0234,56 € « coût » — élevé',
    );
    expect(pdfSafeText('\u2212 3 → σ')).toBe('- 3 -> s');
    expect(pdfSafeText('日本')).toBe('??');
  });
});
