// The French PDF dossier for management and finance, generated in the browser (jsPDF,
// loaded only when asked for): the verdict, the scenario, results per offer, break-even,
// uncertainty, regional value, the charts drawn as vectors, the sources and the method.
import type { jsPDF } from 'jspdf';
import type { OfferResult, Scenario, TcoResult } from '../../../core/tco/index.ts';
import type { ChartModel } from '../../components/charts/scene.ts';
import { drawSceneToPdf } from '../../components/charts/pdf-draw.ts';
import { pdfSafeText } from '../../components/charts/pdf-text.ts';
import { eurUnit, eurYearCents, num, pct } from './format.ts';

export interface DossierInput {
  product: string;
  scenario: Scenario;
  result: TcoResult;
  verdict: string;
  charts: ChartModel[];
  /** Link to the scenario (shared URL), printed so the reader can open it again. */
  link?: string;
  date: Date;
}

/** `cout-complet-boitier-alu-2026-11-26.pdf`: ASCII, lower case, no spaces. */
export function dossierFileName(product: string, date: Date): string {
  const slug = product
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `cout-complet-${slug || 'produit'}-${date.toISOString().slice(0, 10)}.pdf`;
}

const MODE_LABELS = { sea: 'mer', road: 'route', rail: 'rail', air: 'avion' } as const;

const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN = 16;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const INK: [number, number, number] = [27, 31, 36];
const MUTED: [number, number, number] = [74, 83, 96];
const BRAND: [number, number, number] = [11, 79, 108];

/** A small writer that flows text and tables down the pages. */
class Writer {
  y = MARGIN;
  constructor(readonly doc: jsPDF) {}

  ensure(height: number): void {
    if (this.y + height > PAGE_H - MARGIN - 8) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  heading(text: string, size = 13): void {
    this.ensure(14);
    this.y += 3;
    this.doc
      .setFont('helvetica', 'bold')
      .setFontSize(size)
      .setTextColor(...BRAND);
    this.doc.text(pdfSafeText(text), MARGIN, this.y + 4);
    this.y += 9;
  }

  paragraph(
    text: string,
    opts: { size?: number; bold?: boolean; color?: [number, number, number] } = {},
  ): void {
    const size = opts.size ?? 10;
    this.doc
      .setFont('helvetica', opts.bold ? 'bold' : 'normal')
      .setFontSize(size)
      .setTextColor(...(opts.color ?? INK));
    const lines = this.doc.splitTextToSize(pdfSafeText(text), CONTENT_W) as string[];
    const lh = size * 0.45;
    for (const line of lines) {
      this.ensure(lh + 1);
      this.doc.text(line, MARGIN, this.y + lh);
      this.y += lh;
    }
    this.y += 2;
  }

  /** A table; by default the first column is left-aligned, the others right-aligned (figures). */
  table(columns: string[], rows: string[][], widths?: number[], align?: ('left' | 'right')[]): void {
    const alignOf = (i: number) => align?.[i] ?? (i === 0 ? 'left' : 'right');
    const w = widths ?? [
      CONTENT_W * 0.4,
      ...columns.slice(1).map(() => (CONTENT_W * 0.6) / Math.max(1, columns.length - 1)),
    ];
    const lh = 4.2;
    const draw = (cells: string[], bold: boolean) => {
      this.doc
        .setFont('helvetica', bold ? 'bold' : 'normal')
        .setFontSize(8.5)
        .setTextColor(...INK);
      const wrapped = cells.map(
        (c, i) => this.doc.splitTextToSize(pdfSafeText(c), (w[i] ?? 30) - 2) as string[],
      );
      const h = Math.max(...wrapped.map((l) => l.length)) * lh + 1.5;
      this.ensure(h);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, k) => {
          const yy = this.y + lh * (k + 1) - 0.6;
          if (alignOf(i) === 'left') this.doc.text(line, x + 1, yy);
          else this.doc.text(line, x + (w[i] ?? 30) - 1, yy, { align: 'right' });
        });
        x += w[i] ?? 30;
      });
      this.y += h;
      this.doc.setDrawColor(211, 219, 226).setLineWidth(0.2);
      this.doc.line(MARGIN, this.y, MARGIN + CONTENT_W, this.y);
    };
    draw(columns, true);
    for (const r of rows) draw(r, false);
    this.y += 3;
  }

  chart(chart: ChartModel): void {
    const height = (chart.scene.height * CONTENT_W) / chart.scene.width;
    this.ensure(height + 12);
    this.doc
      .setFont('helvetica', 'bold')
      .setFontSize(10)
      .setTextColor(...INK);
    this.doc.text(pdfSafeText(chart.title), MARGIN, this.y + 4);
    this.y += 7;
    this.y += drawSceneToPdf(this.doc, chart.scene, MARGIN, this.y, CONTENT_W) + 4;
  }
}

function fmtUncertain(v: unknown, unit = ''): string {
  if (typeof v === 'number') return `${num(v, 4)}${unit}`;
  if (v && typeof v === 'object' && 'likely' in v) {
    const r = v as { low: number; likely: number; high: number };
    return `${num(r.likely, 4)}${unit} (de ${num(r.low, 4)} à ${num(r.high, 4)})`;
  }
  return '—';
}

function offerName(result: TcoResult, id: string): string {
  return result.offers.find((o) => o.offerId === id)?.name ?? id;
}

function groupRows(offers: OfferResult[]): string[][] {
  const first = offers[0];
  if (!first) return [];
  const rows = [['Prix d’achat (A1)', ...offers.map((o) => eurUnit(o.priceEurPerUnit))]];
  for (const g of first.groups) {
    rows.push([
      g.label,
      ...offers.map((o) => eurUnit(o.groups.find((x) => x.group === g.group)?.perUnit ?? 0)),
    ]);
  }
  rows.push(['Coût complet par unité', ...offers.map((o) => eurUnit(o.tcoPerUnit))]);
  rows.push(['Coût complet par an', ...offers.map((o) => eurYearCents(o.tcoPerYearCents))]);
  rows.push(['Coûts cachés (au-delà du prix)', ...offers.map((o) => pct(o.hiddenCostShare))]);
  return rows;
}

/** Builds the dossier and returns it as a PDF Blob. */
export async function buildDossier(input: DossierInput): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  const { result, scenario } = input;
  const title = `Coût complet : ${input.product}`;
  doc.setProperties({
    title: pdfSafeText(title),
    subject: 'Comparaison d’offres en coût complet (TCO)',
    creator: 'Relocalisons.bzh',
    keywords: 'TCO, coût complet, relocalisation, Bretagne',
  });
  doc.setLanguage('fr');
  const w = new Writer(doc);
  const dateText = input.date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });

  doc
    .setFont('helvetica', 'bold')
    .setFontSize(18)
    .setTextColor(...BRAND);
  doc.text(pdfSafeText(title), MARGIN, w.y + 7);
  w.y += 12;
  w.paragraph(
    `Dossier de comparaison pour la direction et la finance — ${dateText} — méthode ${result.modelVersion}`,
    {
      color: MUTED,
      size: 9,
    },
  );

  w.heading('En une phrase');
  w.paragraph(input.verdict, { bold: true, size: 11 });

  const ref = result.offers.find((o) => o.offerId === result.referenceOfferId);
  w.heading('Résultats par offre (euros par unité sauf mention)');
  w.table(['', ...result.offers.map((o) => o.name)], groupRows(result.offers));

  w.heading('Seuil de rentabilité et bascule de la décision');
  for (const c of result.comparisons) {
    const other = offerName(result, c.otherOfferId);
    const be = c.breakEvenReferencePrice;
    w.paragraph(
      be
        ? `Face à l’offre « ${other} », l’offre « ${ref?.name ?? c.referenceOfferId} » reste la moins chère en coût complet tant que son prix ne dépasse pas ${num(be.price, 4)} ${be.currency} par unité (prix d’équilibre : les deux coûts complets valent alors ${eurUnit(be.referenceTcoCents / 100)}).`
        : `Face à l’offre « ${other} », aucun prix d’équilibre n’a été trouvé.`,
    );
    const flips = c.flips.filter((f) => f.flipAt !== null).slice(0, 6);
    if (flips.length > 0) {
      w.table(
        ['Donnée qui ferait basculer la décision', 'Valeur actuelle', 'Bascule à'],
        flips.map((f) => [f.label, `${num(f.current, 4)} ${f.unit}`, `${num(f.flipAt ?? 0, 4)} ${f.unit}`]),
        [CONTENT_W * 0.56, CONTENT_W * 0.22, CONTENT_W * 0.22],
      );
    }
  }

  const u = result.uncertainty;
  w.heading('Incertitude');
  if (u) {
    w.table(
      ['Coût complet par unité', 'P10', 'P50 (médiane)', 'P90'],
      u.perOffer.map((p) => [
        offerName(result, p.offerId),
        eurUnit(p.tcoPerUnit.p10),
        eurUnit(p.tcoPerUnit.p50),
        eurUnit(p.tcoPerUnit.p90),
      ]),
    );
    for (const p of u.pairs) {
      w.paragraph(
        `Probabilité que l’offre « ${ref?.name ?? ''} » soit moins chère en coût complet que « ${offerName(result, p.otherOfferId)} » : ${pct(p.pReferenceCheaper)} (${num(u.draws, 0)} tirages Monte-Carlo, graine ${u.seed}, lois triangulaires sur les fourchettes saisies).`,
      );
    }
  } else {
    w.paragraph(
      'Toutes les données sont des valeurs uniques : pas de simulation. Saisissez des fourchettes (basse, probable, haute) pour mesurer l’incertitude.',
    );
  }

  w.heading('Valeur pour le territoire (à côté du coût complet, jamais ajoutée)');
  w.table(
    ['', ...result.offers.map((o) => o.name)],
    [
      ['Dépense annuelle', ...result.offers.map((o) => eurYearCents(o.regional.spendPerYearCents))],
      ['Part restant en Bretagne', ...result.offers.map((o) => pct(o.regional.shareBretagne))],
      ['Part restant en France', ...result.offers.map((o) => pct(o.regional.shareFrance))],
      [
        'Effet sur l’IBAL Bretagne',
        ...result.offers.map((o) =>
          o.regional.ibalBretagnePoints === null
            ? 'achats totaux non saisis'
            : `${num(o.regional.ibalBretagnePoints, 1)} point(s)`,
        ),
      ],
      [
        'Emplois soutenus en France (ordre de grandeur)',
        ...result.offers.map((o) => num(o.regional.jobsFrance, 1)),
      ],
    ],
  );

  w.heading('Scénario');
  const c = scenario.common;
  w.table(
    ['Donnée', 'Valeur'],
    [
      ['Produit', input.product],
      ['Volume annuel (unités)', fmtUncertain(c.annualVolume)],
      ['Masse unitaire', fmtUncertain(c.unitWeightKg, ' kg')],
      ...scenario.offers.flatMap((o) => [
        [`${o.name} : prix`, `${fmtUncertain(o.price)} ${o.currency}`],
        [
          `${o.name} : origine et transport`,
          `${[o.origin.city, o.origin.portId, o.origin.country].filter(Boolean).join(', ')} — ${MODE_LABELS[o.transport.mainMode]}`,
        ],
      ]),
      ...(input.link
        ? [['Lien vers le scénario', input.link.length > 300 ? `${input.link.slice(0, 300)}…` : input.link]]
        : []),
    ],
    [CONTENT_W * 0.35, CONTENT_W * 0.65],
    ['left', 'left'],
  );

  for (const chart of input.charts) w.chart(chart);

  w.heading('Sources et méthode');
  w.paragraph(
    `Méthode ${result.modelVersion} (Relocalisons.bzh), d’après le modèle de coût complet décrit dans TCO-MODEL.md : prix, coût rendu, stocks et trésorerie, qualité, risques, stratégie, carbone. Les montants par an sont arrondis au centime ; la valeur pour le territoire est présentée à côté du coût complet et n’y est jamais ajoutée.`,
    { size: 9 },
  );
  w.table(
    ['Donnée de référence', 'Valeur', 'Source (date)'],
    result.referenceData.map((r) => [r.label, `${num(r.value, 4)} ${r.unit}`, `${r.source} (${r.asOf})`]),
    [CONTENT_W * 0.34, CONTENT_W * 0.2, CONTENT_W * 0.46],
    ['left', 'right', 'left'],
  );
  if (result.warnings.length > 0) {
    w.heading('Avertissements');
    for (const warning of result.warnings) w.paragraph(`• ${warning}`, { size: 9 });
  }

  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    doc
      .setFont('helvetica', 'normal')
      .setFontSize(8)
      .setTextColor(...MUTED);
    doc.text(pdfSafeText(`Relocalisons.bzh — ${title} — ${dateText}`), MARGIN, PAGE_H - 8);
    doc.text(`${p} / ${pages}`, PAGE_W - MARGIN, PAGE_H - 8, { align: 'right' });
  }
  return doc.output('blob');
}
