import { describe, expect, it } from 'vitest';
import { fecExcerpt } from './fec-excerpt.ts';
import type { FecLine } from '../fec/index.ts';
import { extendedAccountSet, parseAccountSet, purchasesFromLines, type PurchasesResult } from './index.ts';

/** Spend per supplier key, in euros, for readable expectations. */
function spend(r: PurchasesResult): Record<string, number> {
  return Object.fromEntries(r.suppliers.map((s) => [s.key, s.amountCents / 100]));
}

describe('attribution of purchases to suppliers (DESIGN.md §5)', () => {
  it('gives the HT amount of an invoice to the supplier of its 401 line, VAT excluded', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 1 | 20250115 | 401000 | Fournisseurs | F001 | ARMOR EMBALLAGES | FA12 | Facture cartons | | 1200,00
        AC | 1 | 20250115 | 601000 | Matières premières | | | FA12 | Facture cartons | 1000,00 |
        AC | 1 | 20250115 | 445660 | TVA déductible | | | FA12 | Facture cartons | 200,00 |
      `),
    );
    expect(spend(r)).toEqual({ 'aux:F001': 1000 });
    expect(r.suppliers[0]?.name).toBe('ARMOR EMBALLAGES');
    expect(r.suppliers[0]?.byCategory).toEqual({ '601': 100000 });
    expect(r.totalCents).toBe(100000);
    expect(r.unattributedCents).toBe(0);
  });

  it('attributes the HT amount of a multi-supplier invoice pro rata', () => {
    // 1 000,00 € HT shared by two supplier lines of 900 and 300 € TTC: 3/4 and 1/4.
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 7 | 20250203 | 401000 | Fournisseurs | F001 | ARMOR EMBALLAGES | FA20 | Groupement | | 900,00
        AC | 7 | 20250203 | 401000 | Fournisseurs | F002 | BREIZH TRANSPORTS | FA20 | Groupement | | 300,00
        AC | 7 | 20250203 | 601000 | Matières premières | | | FA20 | Groupement | 700,00 |
        AC | 7 | 20250203 | 624100 | Transports | | | FA20 | Groupement | 300,00 |
        AC | 7 | 20250203 | 445660 | TVA | | | FA20 | Groupement | 200,00 |
      `),
    );
    expect(spend(r)).toEqual({ 'aux:F001': 750, 'aux:F002': 250 });
    expect(r.suppliers.find((s) => s.key === 'aux:F002')?.byCategory).toEqual({ '601': 17500, '624': 7500 });
  });

  it('splits an odd amount pro rata without losing a cent', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 8 | 20250203 | 401000 | Fournisseurs | A | A | P1 | x | | 1,00
        AC | 8 | 20250203 | 401000 | Fournisseurs | B | B | P1 | x | | 1,00
        AC | 8 | 20250203 | 401000 | Fournisseurs | C | C | P1 | x | | 1,00
        AC | 8 | 20250203 | 606100 | Énergie | | | P1 | x | 1,00 |
        AC | 8 | 20250203 | 445660 | TVA | | | P1 | x | 2,00 |
      `),
    );
    expect(r.suppliers.map((s) => s.amountCents)).toEqual([34, 33, 33]);
    expect(r.totalCents).toBe(100);
  });

  it('a credit note lowers the supplier spend', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 1 | 20250110 | 401000 | Fournisseurs | F001 | ARMOR EMBALLAGES | FA1 | Facture | | 1200,00
        AC | 1 | 20250110 | 602100 | Emballages | | | FA1 | Facture | 1000,00 |
        AC | 1 | 20250110 | 445660 | TVA | | | FA1 | Facture | 200,00 |
        AC | 2 | 20250120 | 401000 | Fournisseurs | F001 | ARMOR EMBALLAGES | AV1 | Avoir casse | 240,00 |
        AC | 2 | 20250120 | 602100 | Emballages | | | AV1 | Avoir casse | | 200,00
        AC | 2 | 20250120 | 445660 | TVA | | | AV1 | Avoir casse | | 40,00
      `),
    );
    expect(spend(r)).toEqual({ 'aux:F001': 800 });
    expect(r.suppliers[0]?.entryCount).toBe(2);
  });

  it('603 stock variation is not a purchase', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        OD | 9 | 20251231 | 603100 | Variation stocks MP | | | INV | Inventaire | 5000,00 |
        OD | 9 | 20251231 | 310000 | Stocks MP | | | INV | Inventaire | | 5000,00
      `),
    );
    expect(r.totalCents).toBe(0);
    expect(r.unattributed).toEqual([]);
  });

  it('bank-journal purchases are non attribué, grouped by their labels', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        BQ | 31 | 20250305 | 626000 | Télécom | | | R1 | PRLV SEPA ORANGE 0325 | 50,00 |
        BQ | 31 | 20250305 | 512000 | Banque | | | R1 | PRLV SEPA ORANGE 0325 | | 50,00
        BQ | 32 | 20250405 | 626000 | Télécom | | | R2 | PRLV SEPA ORANGE 0425 | 55,00 |
        BQ | 32 | 20250405 | 512000 | Banque | | | R2 | PRLV SEPA ORANGE 0425 | | 55,00
        BQ | 33 | 20250410 | 625100 | Voyages | | | R3 | CB SNCF RENNES | 80,00 |
        BQ | 33 | 20250410 | 512000 | Banque | | | R3 | CB SNCF RENNES | | 80,00
      `),
    );
    expect(r.suppliers).toEqual([]);
    expect(r.unattributedCents).toBe(18500);
    expect(r.unattributed.map((g) => [g.label, g.amountCents, g.entryCount])).toEqual([
      ['PRLV SEPA ORANGE 0325', 10500, 2],
      ['CB SNCF RENNES', 8000, 1],
    ]);
    expect(r.unattributed[0]?.samples.map((s) => s.line)).toEqual([2, 4]);
  });

  it('constant EcritureNum falls back to PieceRef', () => {
    // The software wrote "0" as EcritureNum everywhere: two invoices the same day must not merge.
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 0 | 20250115 | 401000 | Fournisseurs | F001 | ARMOR EMBALLAGES | FA1 | Facture | | 120,00
        AC | 0 | 20250115 | 601000 | MP | | | FA1 | Facture | 100,00 |
        AC | 0 | 20250115 | 445660 | TVA | | | FA1 | Facture | 20,00 |
        AC | 0 | 20250115 | 401000 | Fournisseurs | F002 | SHENZHEN PCB CO LTD | FA2 | Invoice | | 600,00
        AC | 0 | 20250115 | 601000 | MP | | | FA2 | Invoice | 600,00 |
        AC | 0 | 20250116 | 401000 | Fournisseurs | F001 | ARMOR EMBALLAGES | FA3 | Facture | | 12,00
        AC | 0 | 20250116 | 601000 | MP | | | FA3 | Facture | 10,00 |
        AC | 0 | 20250116 | 445660 | TVA | | | FA3 | Facture | 2,00 |
      `),
    );
    expect(r.entryKeyModes).toEqual({ AC: 'piece-ref' });
    // Merged by day, the first day would have been split 100/600 pro rata of 120/600 TTC.
    expect(spend(r)).toEqual({ 'aux:F002': 600, 'aux:F001': 110 });
  });

  it('keeps EcritureNum as the key when it varies, even across several PieceRefs', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 1 | 20250115 | 401000 | Fournisseurs | F001 | ARMOR | FA1 | Facture | | 120,00
        AC | 1 | 20250115 | 601000 | MP | | | FA1-L | Facture | 100,00 |
        AC | 1 | 20250115 | 445660 | TVA | | | FA1-L | Facture | 20,00 |
        AC | 2 | 20250116 | 401000 | Fournisseurs | F002 | BREIZH | FA2 | Facture | | 12,00
        AC | 2 | 20250116 | 601000 | MP | | | FA2 | Facture | 10,00 |
      `),
    );
    expect(r.entryKeyModes).toEqual({ AC: 'ecriture-num' });
    expect(spend(r)).toEqual({ 'aux:F001': 100, 'aux:F002': 10 });
  });

  it('empty EcritureNum falls back to PieceRef', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | | 20250115 | 401000 | Fournisseurs | F001 | ARMOR | FA1 | Facture | | 100,00
        AC | | 20250115 | 601000 | MP | | | FA1 | Facture | 100,00 |
        AC | | 20250115 | 401000 | Fournisseurs | F002 | BREIZH | FA2 | Facture | | 50,00
        AC | | 20250115 | 601000 | MP | | | FA2 | Facture | 50,00 |
      `),
    );
    expect(r.entryKeyModes).toEqual({ AC: 'piece-ref' });
    expect(spend(r)).toEqual({ 'aux:F001': 100, 'aux:F002': 50 });
  });

  it('uses a per-supplier general account (4010012) as the supplier when there is no CompAuxNum', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        HA | 3 | 20250301 | 4010012 | KERNEVEL MÉCANIQUE | | | F88 | Usinage | | 2400,00
        HA | 3 | 20250301 | 611000 | Sous-traitance | | | F88 | Usinage | 2000,00 |
        HA | 3 | 20250301 | 445660 | TVA | | | F88 | Usinage | 400,00 |
      `),
    );
    expect(r.suppliers.map((s) => [s.key, s.keySource, s.name, s.amountCents])).toEqual([
      ['account:4010012', 'general-account', 'KERNEVEL MÉCANIQUE', 200000],
    ]);
  });

  it('a collective 401/408 account without CompAuxNum names nobody: non attribué', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        OD | 90 | 20251231 | 408100 | Fournisseurs - factures non parvenues | | | FNP | FNP électricité décembre | | 900,00
        OD | 90 | 20251231 | 606100 | Électricité | | | FNP | FNP électricité décembre | 900,00 |
      `),
    );
    expect(r.suppliers).toEqual([]);
    expect(r.unattributed[0]).toMatchObject({
      amountCents: 90000,
      reason: 'collective-account-without-auxiliary',
    });
  });

  it('counts 651 licences and capital expenditure against 404 only when the setting says so', () => {
    const excerpt = fecExcerpt(`
      AC | 4 | 20250401 | 404000 | Fournisseurs d'immobilisations | I01 | ATELIERS DE CORNOUAILLE | FI1 | Presse | | 60000,00
      AC | 4 | 20250401 | 215400 | Matériel industriel | | | FI1 | Presse | 50000,00 |
      AC | 4 | 20250401 | 445620 | TVA sur immobilisations | | | FI1 | Presse | 10000,00 |
      AC | 5 | 20250402 | 401000 | Fournisseurs | L01 | LOGICIELS SA | FL1 | Licence ERP | | 1200,00
      AC | 5 | 20250402 | 651000 | Licences | | | FL1 | Licence ERP | 1000,00 |
      AC | 5 | 20250402 | 445660 | TVA | | | FL1 | Licence ERP | 200,00 |
      OD | 6 | 20251231 | 218100 | Agencements | | | OD1 | Reclassement | 300,00 |
      OD | 6 | 20251231 | 215400 | Matériel industriel | | | OD1 | Reclassement | | 300,00
    `);
    expect(purchasesFromLines(excerpt).totalCents).toBe(0);
    const r = purchasesFromLines(excerpt, { settings: { accounts: extendedAccountSet } });
    // The reclassification between asset accounts has no 404 line: not a purchase.
    expect(spend(r)).toEqual({ 'aux:I01': 50000, 'aux:L01': 1000 });
    expect(r.unattributed).toEqual([]);
  });

  it('reads the period from the file, or keeps only the chosen one', () => {
    const lines = fecExcerpt(`
      AN | 1 | 20250101 | 101000 | Capital | | | AN | À nouveau | | 1000,00
      AC | 2 | 20250610 | 401000 | Fournisseurs | F001 | ARMOR | FA | Facture | | 100,00
      AC | 2 | 20250610 | 601000 | MP | | | FA | Facture | 100,00 |
      AC | 3 | 20251220 | 401000 | Fournisseurs | F001 | ARMOR | FB | Facture | | 50,00
      AC | 3 | 20251220 | 601000 | MP | | | FB | Facture | 50,00 |
    `);
    expect(purchasesFromLines(lines).period).toEqual({ from: '2025-01-01', to: '2025-12-20' });
    const h1 = purchasesFromLines(lines, { settings: { period: { from: '2025-01-01', to: '2025-06-30' } } });
    expect(h1.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(h1.totalCents).toBe(10000);
  });

  it('records foreign invoice currencies per supplier', () => {
    const r = purchasesFromLines(
      fecExcerpt(`
        AC | 1 | 20250115 | 401000 | Fournisseurs | F9 | SHENZHEN PCB | FA | Boards | | 6000,00 | USD
        AC | 1 | 20250115 | 601000 | MP | | | FA | Boards | 6000,00 | | USD
      `),
    );
    expect(r.suppliers[0]?.currencies).toEqual(['USD']);
  });

  it('merges the lines of an entry that arrive out of order within the window', () => {
    const lines = fecExcerpt(`
      AC | 1 | 20250115 | 601000 | MP | | | FA1 | Facture | 100,00 |
      AC | 2 | 20250116 | 401000 | Fournisseurs | F002 | BREIZH | FA2 | Facture | | 10,00
      AC | 2 | 20250116 | 601000 | MP | | | FA2 | Facture | 10,00 |
      AC | 1 | 20250115 | 401000 | Fournisseurs | F001 | ARMOR | FA1 | Facture | | 100,00
    `);
    expect(spend(purchasesFromLines(lines))).toEqual({ 'aux:F001': 100, 'aux:F002': 10 });
    // With a window of one entry, entry 1 is closed before its supplier line comes: reported.
    const narrow = purchasesFromLines(lines, { window: 1 });
    expect(narrow.unattributedCents).toBe(10000);
    expect(narrow.anomalies.map((a) => [a.line, a.code])).toEqual([[5, 'entry-split']]);
  });

  it('remembers the last 50,000 to 100,000 closed entries, whatever their numbering', () => {
    // 150,000 one-line invoices of journal AC, then late lines for entries closed long ago: entry
    // 90,000 (60,000 entries back) and 60,000 are remembered, entry 10,000 is not. The same with
    // EcritureNum F1, F2... (not numbers), and with 2,000 entries closed twice (late lines of
    // entries 110,000 to 111,999 after entry 120,000): a key closed twice counts once, so they do
    // not make the memory forget the older keys sooner.
    const entry = (num: string, line: number): FecLine => ({
      line,
      journalCode: 'AC',
      journalLib: 'Achats',
      ecritureNum: num,
      ecritureDate: '2025-03-01',
      compteNum: '601000',
      compteLib: 'MP',
      compAuxNum: '',
      compAuxLib: '',
      pieceRef: `P${num}`,
      pieceDate: '',
      ecritureLib: 'Facture',
      debitCents: 100,
      creditCents: 0,
      montantDeviseCents: null,
      idevise: '',
    });
    for (const prefix of ['', 'F']) {
      for (const repeats of [0, 2000]) {
        const lines: FecLine[] = [];
        const push = (k: number): number => lines.push(entry(`${prefix}${k}`, lines.length + 2));
        for (let k = 1; k <= 120_000; k++) push(k);
        for (let k = 0; k < repeats; k++) push(110_000 + k);
        for (let k = 120_001; k <= 150_000; k++) push(k);
        for (const k of [90_000, 60_000, 10_000]) push(k);
        const r = purchasesFromLines(lines, { maxAnomalies: 10_000 });
        const split = r.anomalies.filter((a) => a.code === 'entry-split').map((a) => a.line);
        const late = lines.length - 1; // line of the first late line (lines start at 2)
        expect(split.slice(-2), `prefix ${prefix || '(none)'}, ${repeats} repeats`).toEqual([late, late + 1]);
        expect(split.length).toBe(repeats + 2);
        expect(r.totalCents).toBe(lines.length * 100);
      }
    }
  });
});

describe('account set setting', () => {
  it('parses "60,61,62,-603" and refuses a typo in French', () => {
    expect(parseAccountSet('60,61,62,-603')).toEqual({
      ok: true,
      value: { include: ['60', '61', '62'], exclude: ['603'] },
    });
    const bad = parseAccountSet('60,6x1');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/« 6x1 »/);
  });
});
