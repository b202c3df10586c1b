// What the demo FEC becomes on disk: the file (ISO-8859-15, tab-separated, 18 columns), its
// answer key (expected spend per supplier and per zone, computed from the same entries) and a
// supplier-list CSV example.
import { FEC_STANDARD_HEADER } from '../../core/fec/index.ts';
import { allocateCents } from '../../core/shared/index.ts';
import type { DemoFec, DemoSupplier, FecEntry, Zone } from './fec.ts';
import type { Rng } from './prng.ts';

const amount = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** The FEC as text: header line, one line per entry line, CRLF line ends, decimal comma. */
export function fecText(fec: DemoFec): string {
  const out: string[] = [FEC_STANDARD_HEADER.join('\t')];
  for (const e of fec.entries) {
    for (const l of e.lines) {
      out.push(
        [
          e.journal,
          e.journalLabel,
          e.num,
          e.date,
          l.account,
          l.accountLabel,
          l.aux ?? '',
          l.auxLabel ?? '',
          e.pieceRef,
          e.pieceDate,
          l.label ?? e.label,
          amount(l.debit),
          amount(l.credit),
          l.letter ?? '',
          l.letterDate ?? '',
          e.validDate,
          l.foreignAmount === undefined ? '' : amount(l.foreignAmount),
          l.currency ?? '',
        ].join('\t'),
      );
    }
  }
  return out.join('\r\n') + '\r\n';
}

/** ISO-8859-15 differs from Latin-1 on 8 code points (€ at 0xA4, Œ/œ at 0xBC/0xBD…). */
const LATIN9_SPECIAL: Record<string, number> = {
  '€': 0xa4,
  Š: 0xa6,
  š: 0xa8,
  Ž: 0xb4,
  ž: 0xb8,
  Œ: 0xbc,
  œ: 0xbd,
  Ÿ: 0xbe,
};
const LATIN1_ONLY = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

/** Encodes text in ISO-8859-15; throws on a character it cannot represent (the generator's bug). */
export function encodeLatin9(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    const special = LATIN9_SPECIAL[ch];
    if (special !== undefined) bytes[i] = special;
    else if (code < 0x100 && !LATIN1_ONLY.has(code)) bytes[i] = code;
    else
      throw new Error(
        `Caractère « ${ch} » (U+${code.toString(16)}) impossible en ISO-8859-15, position ${i}`,
      );
  }
  return bytes;
}

const PURCHASE = /^6[012]/;
const isPurchase = (account: string) => PURCHASE.test(account) && !account.startsWith('603');
const isSupplierLine = (account: string, aux: string | undefined) => /^40[1348]/.test(account) && !!aux;

export interface AnswerKeySupplier {
  aux: string;
  name: string;
  zone: Zone;
  country: string;
  siret: string | null;
  postalCode: string | null;
  department: string | null;
  currency: string;
  amountCents: number;
  entryCount: number;
}

export interface AnswerKey {
  file: string;
  encoding: 'ISO-8859-15';
  separator: 'tab';
  lineEnding: 'CRLF';
  /** Data lines (header excluded). */
  lineCount: number;
  entryCount: number;
  period: { from: string; to: string };
  company: DemoFec['company'];
  rule: string;
  totals: { purchasesCents: number; attributedCents: number; unattributedCents: number; capexCents: number };
  byZone: Record<Zone, number>;
  /** Part of the France zone in Loire-Atlantique (44), shown apart. */
  loireAtlantiqueCents: number;
  /** Cumulative percentages of the attributed spend, one decimal. */
  ibal: { bretagne: number; france: number; europe: number };
  suppliers: AnswerKeySupplier[];
}

/** Expected spend per supplier and per zone, by the rule of DESIGN.md §5, from the entries. */
export function answerKey(fec: DemoFec, file: string): AnswerKey {
  const bySupplier = new Map<string, { cents: number; entries: number }>();
  let purchases = 0;
  let unattributed = 0;
  let capex = 0;
  let lineCount = 0;
  for (const e of fec.entries) {
    lineCount += e.lines.length;
    const total = e.lines.filter((l) => isPurchase(l.account)).reduce((s, l) => s + l.debit - l.credit, 0);
    const supplierLines = e.lines.filter((l) => isSupplierLine(l.account, l.aux));
    if (supplierLines.some((l) => l.account.startsWith('404'))) {
      capex += e.lines.filter((l) => /^2[01]/.test(l.account)).reduce((s, l) => s + l.debit - l.credit, 0);
    }
    if (total === 0) continue;
    purchases += total;
    if (supplierLines.length === 0) {
      unattributed += total;
      continue;
    }
    const shares = allocateCents(
      total,
      supplierLines.map((l) => l.credit - l.debit),
    );
    supplierLines.forEach((l, i) => {
      const s = bySupplier.get(l.aux!) ?? { cents: 0, entries: 0 };
      s.cents += shares[i]!;
      s.entries += 1;
      bySupplier.set(l.aux!, s);
    });
  }
  const byZone: Record<Zone, number> = { bretagne: 0, france: 0, europe: 0, world: 0 };
  let loireAtlantique = 0;
  const suppliers: AnswerKeySupplier[] = fec.suppliers
    .filter((s) => bySupplier.has(s.aux))
    .map((s) => {
      const { cents, entries } = bySupplier.get(s.aux)!;
      byZone[s.zone] += cents;
      if (s.department === '44') loireAtlantique += cents;
      return {
        aux: s.aux,
        name: s.label,
        zone: s.zone,
        country: s.country,
        siret: s.siret,
        postalCode: s.postalCode,
        department: s.department,
        currency: s.currency,
        amountCents: cents,
        entryCount: entries,
      };
    });
  const attributed = byZone.bretagne + byZone.france + byZone.europe + byZone.world;
  const pct = (v: number) => Math.round((v / attributed) * 1000) / 10;
  const dates = fec.entries.map((e) => e.date);
  const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return {
    file,
    encoding: 'ISO-8859-15',
    separator: 'tab',
    lineEnding: 'CRLF',
    lineCount,
    entryCount: fec.entries.length,
    period: {
      from: iso(dates.reduce((a, b) => (a < b ? a : b))),
      to: iso(dates.reduce((a, b) => (a > b ? a : b))),
    },
    company: fec.company,
    rule: "Achats = Débit − Crédit des comptes 60 (sauf 603), 61 et 62 de chaque écriture (JournalCode, EcritureNum, EcritureDate) ; le montant d'une écriture va au(x) fournisseur(s) de ses lignes 401/403/404/408 portant un CompAuxNum, au prorata de leur Crédit − Débit, au centime (allocateCents) ; sans ligne fournisseur : « non attribué ». Immobilisations (20/21 contre 404) à part.",
    totals: {
      purchasesCents: purchases,
      attributedCents: attributed,
      unattributedCents: unattributed,
      capexCents: capex,
    },
    byZone,
    loireAtlantiqueCents: loireAtlantique,
    ibal: {
      bretagne: pct(byZone.bretagne),
      france: pct(byZone.bretagne + byZone.france),
      europe: pct(byZone.bretagne + byZone.france + byZone.europe),
    },
    suppliers,
  };
}

/** How a supplier list may write a country: ISO code, French name, EU code (`EL`). */
const COUNTRY_SPELLINGS: Record<string, readonly string[]> = {
  FR: ['France', 'FR', ''],
  DE: ['Allemagne', 'DE'],
  ES: ['Espagne', 'ES'],
  PT: ['Portugal'],
  IT: ['Italie', 'IT'],
  NL: ['Pays-Bas'],
  DK: ['Danemark'],
  IE: ['Irlande'],
  GR: ['EL', 'Grèce'],
  BE: ['Belgique'],
  CN: ['Chine', 'CN'],
  VN: ['Vietnam'],
  MA: ['Maroc'],
  NO: ['Norvège'],
  GB: ['Royaume-Uni', 'UK'],
  CH: ['Suisse', 'CH'],
  US: ['États-Unis', 'USA'],
};

export interface SupplierListExample {
  csv: string;
  byZone: Record<Zone, number>;
  rows: { name: string; zone: Zone; amountCents: number }[];
}

/**
 * A supplier list as a buyer exports it from a spreadsheet: `;`-separated UTF-8 with BOM,
 * decimal comma, SIRET for some French suppliers, postal code for others, country as written.
 */
export function supplierListExample(
  rng: Rng,
  key: AnswerKey,
  suppliers: readonly DemoSupplier[],
): SupplierListExample {
  const rows: SupplierListExample['rows'] = [];
  const lines = ['Fournisseur;SIRET;Code postal;Pays;Montant HT 2025'];
  const byZone: Record<Zone, number> = { bretagne: 0, france: 0, europe: 0, world: 0 };
  for (const s of key.suppliers) {
    const supplier = suppliers.find((x) => x.aux === s.aux)!;
    const withSiret = s.siret && rng.chance(0.6);
    const country = rng.pick(COUNTRY_SPELLINGS[s.country] ?? [s.country]);
    const cells = [
      s.name.includes(';') ? `"${s.name}"` : s.name,
      withSiret ? s.siret! : '',
      withSiret && rng.chance(0.5) ? '' : (supplier.postalCode ?? ''),
      country,
      amount(s.amountCents),
    ];
    lines.push(cells.join(';'));
    rows.push({ name: s.name, zone: s.zone, amountCents: s.amountCents });
    byZone[s.zone] += s.amountCents;
  }
  return { csv: '\ufeff' + lines.join('\r\n') + '\r\n', byZone, rows };
}

export type { FecEntry };
