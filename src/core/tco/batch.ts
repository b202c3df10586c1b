// Batch screening: many references from a CSV, each expanded like quick mode, computed with a short
// Monte Carlo, and ranked so the buyer knows which ones to look at first.
import { computeCompiled } from './compute.ts';
import { expandQuickInput } from './quick.ts';
import { compileScenario } from './resolve.ts';
import type { BatchResult, BatchResultRow, BatchRow } from './types.ts';
import { findPort } from './places.ts';

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Accepted column names (normalised: lower case, no accents, letters and digits only). */
const COLUMNS: Record<keyof BatchRow, string[]> = {
  reference: ['reference', 'ref', 'article', 'code'],
  annualVolume: ['annualvolume', 'volume', 'volumeannuel', 'quantite', 'quantiteannuelle', 'qte'],
  unitWeightKg: [
    'unitweightkg',
    'masse',
    'massekg',
    'masseunitaire',
    'masseunitairekg',
    'poids',
    'poidskg',
    'poidsunitaire',
    'poidsunitairekg',
  ],
  farPrice: [
    'farprice',
    'prixlointain',
    'prixloin',
    'prixoffrelointaine',
    'prixasie',
    'prixfournisseurlointain',
  ],
  farCurrency: ['farcurrency', 'devise', 'devisecurrency', 'deviselointaine', 'monnaie'],
  farOriginPortId: ['faroriginportid', 'port', 'portorigine', 'portdorigine', 'origine'],
  localPrice: ['localprice', 'prixlocal', 'prixoffrelocale', 'prixbretagne'],
};

/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** "1 234,56" / "1234.56" / "1 234,56 €" → 1234.56; null when not a number. */
export function parseFrenchNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f€$]/g, '');
  if (t === '') return null;
  const normalised = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return null;
  const v = Number(normalised);
  return Number.isFinite(v) ? v : null;
}

export interface ParsedBatch {
  rows: { line: number; row: BatchRow }[];
  problems: { line: number; message: string }[];
}

/** Reads the CSV (separator `;`, `,` or tab, detected on the header; decimal comma accepted). */
export function parseBatchCsv(text: string): ParsedBatch {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: ParsedBatch['problems'] = [];
  const rows: ParsedBatch['rows'] = [];
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0)
    return {
      rows,
      problems: [
        { line: 1, message: 'Fichier vide : il faut une ligne d’en-tête puis une ligne par référence.' },
      ],
    };
  const header = lines[headerIndex] as string;
  const sep = [';', '\t', ',']
    .map((s) => [s, header.split(s).length] as const)
    .sort((a, b) => b[1] - a[1])[0]![0];
  const names = splitLine(header, sep).map(norm);
  const index = {} as Record<keyof BatchRow, number>;
  const missing: string[] = [];
  for (const [key, aliases] of Object.entries(COLUMNS) as [keyof BatchRow, string[]][]) {
    const i = names.findIndex((n) => aliases.includes(n));
    if (i < 0) missing.push(key);
    index[key] = i;
  }
  if (missing.length > 0) {
    return {
      rows,
      problems: [
        {
          line: headerIndex + 1,
          message: `Colonnes introuvables dans l’en-tête : ${missing.join(', ')}. En-tête attendu : reference;volume annuel;masse kg;prix lointain;devise;port;prix local`,
        },
      ],
    };
  }
  for (let li = headerIndex + 1; li < lines.length; li++) {
    const raw = lines[li] as string;
    if (raw.trim() === '') continue;
    const cells = splitLine(raw, sep);
    const lineNo = li + 1;
    const cell = (k: keyof BatchRow) => cells[index[k]] ?? '';
    const bad: string[] = [];
    const num = (k: keyof BatchRow, label: string, positive: boolean) => {
      const v = parseFrenchNumber(cell(k));
      if (v === null || v < 0 || (positive && v === 0)) {
        bad.push(
          `${label} « ${cell(k)} » n’est pas un nombre ${positive ? 'strictement positif' : 'positif'}`,
        );
        return 0;
      }
      return v;
    };
    const reference = cell('reference');
    if (!reference) bad.push('référence vide');
    const annualVolume = num('annualVolume', 'volume annuel', true);
    const unitWeightKg = num('unitWeightKg', 'masse unitaire', true);
    const farPrice = num('farPrice', 'prix lointain', false);
    const localPrice = num('localPrice', 'prix local', false);
    const farCurrency = cell('farCurrency').toUpperCase();
    if (!/^[A-Z]{3}$/.test(farCurrency))
      bad.push(`devise « ${cell('farCurrency')} » : code ISO à 3 lettres attendu (USD, CNY, EUR…)`);
    const farOriginPortId = cell('farOriginPortId').toUpperCase();
    if (!findPort(farOriginPortId))
      bad.push(
        `port « ${cell('farOriginPortId')} » inconnu : code de la liste des ports (CNSZX, CNSHA, VNSGN…)`,
      );
    if (bad.length > 0) {
      problems.push({
        line: lineNo,
        message: `Ligne ${lineNo} : ${bad.join(' ; ')}. Corrigez la ligne ; les autres sont calculées.`,
      });
      continue;
    }
    rows.push({
      line: lineNo,
      row: { reference, annualVolume, unitWeightKg, farPrice, farCurrency, farOriginPortId, localPrice },
    });
  }
  return { rows, problems };
}

export interface ScreenOptions {
  draws?: number;
  seed?: number;
  /** Where the local suppliers and the buyer are (default Rennes). */
  localCity?: string;
}

/**
 * Computes every row (quick-mode hypotheses, full containers above 5 t a year, groupage below) and
 * ranks them: first the references where switching to local is most likely and worth most,
 * score = P(local cheaper) × max(0, TCO gap per year), then the TCO gap per year.
 */
export function screenBatch(
  rows: { line: number; row: BatchRow }[],
  options: ScreenOptions = {},
): BatchResult {
  const out: BatchResultRow[] = rows.map(({ line, row }) => {
    const scenario = expandQuickInput({
      product: row.reference,
      annualVolume: row.annualVolume,
      unitWeightKg: row.unitWeightKg,
      far: { price: row.farPrice, currency: row.farCurrency, originPortId: row.farOriginPortId },
      local: { price: row.localPrice, city: options.localCity ?? 'Rennes' },
      freight: row.annualVolume * row.unitWeightKg >= 5000 ? 'fcl' : 'lcl',
    });
    const compiled = compileScenario(scenario);
    if (!compiled.ok)
      return {
        reference: row.reference,
        line,
        ok: false,
        error: compiled.error.map((p) => p.message).join(' ; '),
      };
    const res = computeCompiled(compiled.value, {
      draws: options.draws ?? 2000,
      seed: options.seed ?? 1,
      skipFlips: true,
    });
    const cmp = res.comparisons[0]!;
    const far = res.offers.find((o) => o.offerId === 'far')!;
    const local = res.offers.find((o) => o.offerId === 'local')!;
    const p = res.uncertainty?.pairs[0]?.pReferenceCheaper ?? (cmp.tcoGapPerUnit > 0 ? 1 : 0);
    const gapYear = cmp.tcoGapPerYearCents / 100;
    return {
      reference: row.reference,
      line,
      ok: true,
      farTcoPerUnit: far.tcoPerUnit,
      localTcoPerUnit: local.tcoPerUnit,
      priceGapPerUnit: cmp.priceGapPerUnit,
      tcoGapPerUnit: cmp.tcoGapPerUnit,
      tcoGapPerYearCents: cmp.tcoGapPerYearCents,
      breakEvenLocalPrice: cmp.breakEvenReferencePrice?.price ?? null,
      pLocalCheaper: p,
      score: p * Math.max(0, gapYear),
    };
  });
  const ranked = out
    .filter((r) => r.ok)
    .sort(
      (a, b) => (b.score ?? 0) - (a.score ?? 0) || (b.tcoGapPerYearCents ?? 0) - (a.tcoGapPerYearCents ?? 0),
    );
  ranked.forEach((r, i) => (r.rank = i + 1));
  return {
    rows: [...ranked, ...out.filter((r) => !r.ok)],
    problems: [],
    rankedBy:
      'probabilité que le local soit moins cher × écart de TCO annuel en sa faveur, puis écart annuel',
  };
}
