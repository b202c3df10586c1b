// Turns a TCO result into the four chart models of the page and the PDF dossier.
import type { OfferResult, TcoResult } from '../../../core/tco/index.ts';
import type { ChartModel } from '../../components/charts/scene.ts';
import { waterfallChart, type WaterfallStep } from '../../components/charts/waterfall.ts';
import { cumulativeChart } from '../../components/charts/cumulative.ts';
import { tornadoChart } from '../../components/charts/tornado.ts';
import { distributionChart } from '../../components/charts/distribution.ts';
import { eurUnit, num } from './format.ts';

const HARD_TO_SOFT = ['landed', 'stock', 'quality', 'risk', 'strategic', 'carbon'] as const;
const SHORT: Record<(typeof HARD_TO_SOFT)[number], string> = {
  landed: 'Rendu',
  stock: 'Stocks',
  quality: 'Qualité',
  risk: 'Risques',
  strategic: 'Stratégie',
  carbon: 'Carbone',
};

function groupValue(o: OfferResult, group: string): number {
  return o.groups.find((g) => g.group === group)?.perUnit ?? 0;
}

/** Price, then each group's cost beyond the price (the landed group holds the price), then the TCO. */
export function waterfallSteps(o: OfferResult): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: 'Prix d’achat', value: o.priceEurPerUnit, total: true }];
  for (const g of HARD_TO_SOFT) {
    const label = o.groups.find((x) => x.group === g)?.label ?? SHORT[g];
    const v = groupValue(o, g) - (g === 'landed' ? o.priceEurPerUnit : 0);
    if (Math.abs(v) >= 5e-5) steps.push({ label: g === 'landed' ? `${label} (hors prix)` : label, value: v });
  }
  steps.push({ label: 'Coût complet', value: o.tcoPerUnit, total: true });
  return steps;
}

export function waterfallFor(o: OfferResult): ChartModel {
  const hidden = o.tcoPerUnit - o.priceEurPerUnit;
  return waterfallChart(waterfallSteps(o), {
    title: `Du prix au coût complet — ${o.name}`,
    desc: `Prix d’achat ${eurUnit(o.priceEurPerUnit)} par unité, coûts ajoutés ${eurUnit(hidden)}, coût complet ${eurUnit(o.tcoPerUnit)} par unité.`,
    format: eurUnit,
    valueColumn: '€ par unité',
  });
}

export function cumulativeFor(result: TcoResult): ChartModel {
  const series = result.offers.map((o) => ({
    name: o.name,
    values: [
      o.priceEurPerUnit,
      ...HARD_TO_SOFT.map((g) => groupValue(o, g) - (g === 'landed' ? o.priceEurPerUnit : 0)),
    ],
  }));
  const ends = result.offers.map((o) => `${o.name} ${eurUnit(o.tcoPerUnit)}`).join(', ');
  return cumulativeChart(series, {
    title: 'Coûts cumulés, des plus tangibles aux plus diffus',
    desc: `Coût par unité cumulé étape par étape : prix, coût rendu, stocks, qualité, risques, stratégie, carbone. À la fin : ${ends}.`,
    steps: ['Prix', ...HARD_TO_SOFT.map((g) => SHORT[g])],
    format: eurUnit,
  });
}

/** Tornado of the gap (far − local TCO per unit): which input moves it most. Null without ranges. */
export function tornadoFor(result: TcoResult): ChartModel | null {
  const u = result.uncertainty;
  const pair = result.comparisons[0];
  if (!u || !pair || u.tornado.length === 0) return null;
  const other = result.offers.find((o) => o.offerId === pair.otherOfferId)?.name ?? '';
  const ref = result.offers.find((o) => o.offerId === pair.referenceOfferId)?.name ?? '';
  const top = [...u.tornado].sort((a, b) => b.swing - a.swing)[0];
  return tornadoChart(
    u.tornado.map((t) => ({
      label: t.label,
      atLow: t.gapAtLow,
      atHigh: t.gapAtHigh,
      lowLabel: num(t.low, 4),
      highLabel: num(t.high, 4),
    })),
    {
      title: `Ce qui fait bouger l’écart de coût complet (${other} moins ${ref})`,
      desc: `Écart par unité quand chaque donnée incertaine va de sa valeur basse (barre pleine) à sa valeur haute (barre hachurée), les autres restant probables. Référence ${eurUnit(pair.tcoGapPerUnit)}.${top ? ` La plus influente : ${top.label}.` : ''} Un écart positif signifie que l’offre ${ref} est moins chère.`,
      base: pair.tcoGapPerUnit,
      format: eurUnit,
      resultColumn: 'Écart',
    },
  );
}

export function distributionFor(result: TcoResult): ChartModel | null {
  const u = result.uncertainty;
  if (!u) return null;
  const series = u.perOffer.map((p) => ({
    name: result.offers.find((o) => o.offerId === p.offerId)?.name ?? p.offerId,
    bins: p.histogram,
    p10: p.tcoPerUnit.p10,
    p50: p.tcoPerUnit.p50,
    p90: p.tcoPerUnit.p90,
  }));
  return distributionChart(series, {
    title: 'Distribution du coût complet par unité',
    desc: `${num(u.draws, 0)} tirages. ${series.map((s) => `${s.name} : P10 ${eurUnit(s.p10)}, médiane ${eurUnit(s.p50)}, P90 ${eurUnit(s.p90)}`).join(' ; ')}.`,
    format: eurUnit,
  });
}

/** All charts available for a result, in page order. */
export function allCharts(result: TcoResult): ChartModel[] {
  return [
    ...result.offers.map(waterfallFor),
    cumulativeFor(result),
    tornadoFor(result),
    distributionFor(result),
  ].filter((c): c is ChartModel => c !== null);
}
