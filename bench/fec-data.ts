// Generates a realistic, deterministic purchase-ledger FEC in ISO-8859-15 for the benchmark:
// purchase invoices (class 6 + deductible VAT + supplier line on 401 with CompAuxNum) and a few
// purchases paid straight from the bank (no supplier line). About 170 bytes a line.
import { closeSync, openSync, writeSync } from 'node:fs';
import { FEC_STANDARD_HEADER } from '../src/core/fec/index.ts';
import { mulberry32 } from '../src/db/demo/prng.ts';

const HEADER = FEC_STANDARD_HEADER.join('\t');

const ACCOUNTS: ReadonlyArray<readonly [string, string]> = [
  ['60110000', 'Achats de matières premières'],
  ['60220000', 'Achats de fournitures consommables'],
  ['60610000', 'Électricité et gaz'],
  ['60640000', 'Fournitures administratives'],
  ['60700000', 'Achats de marchandises'],
  ['61100000', 'Sous-traitance générale'],
  ['61320000', 'Locations immobilières'],
  ['61520000', 'Entretien et réparations'],
  ['62260000', 'Honoraires'],
  ['62410000', 'Transports sur achats'],
  ['62600000', 'Frais postaux et télécommunications'],
];
const WORDS = [
  'Société',
  'Bretonne',
  'Ateliers',
  'Menuiserie',
  'Œuvres',
  'Froid',
  'Légumes',
  'Conserverie',
  'Électricité',
  'Imprimerie',
  'Coopérative',
  'Transports',
  'Mécanique',
];
const PLACES = [
  'Quimper',
  'Brest',
  'Lorient',
  'Rennes',
  'Vannes',
  'Saint-Brieuc',
  'Morlaix',
  'Nantes',
  'Lyon',
  'Hambourg',
];

function cents(n: number): string {
  const euros = Math.floor(n / 100);
  const c = n % 100;
  return `${euros},${c < 10 ? '0' : ''}${c}`;
}

/** ISO-8859-15 bytes of text made of Latin-1 characters plus €, Œ, œ. */
function iso885915(text: string): Buffer {
  return Buffer.from(text.replace(/€/g, '\u00a4').replace(/Œ/g, '\u00bc').replace(/œ/g, '\u00bd'), 'latin1');
}

export interface GeneratedFec {
  bytes: number;
  lines: number;
}

/** Writes `lineCount` data lines (rounded up to a whole entry) to `path`. */
export function generateFec(path: string, lineCount: number, seed = 2026): GeneratedFec {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const suppliers = Array.from({ length: 3000 }, (_, k) => ({
    code: `F${String(k + 1).padStart(5, '0')}`,
    name: `${pick(WORDS)} ${pick(WORDS)} ${pick(PLACES)}`.slice(0, 35),
  }));
  const fd = openSync(path, 'w');
  let bytes = 0;
  let parts: string[] = [HEADER, '\r\n'];
  let size = 0;
  const flush = (): void => {
    const buf = iso885915(parts.join(''));
    writeSync(fd, buf);
    bytes += buf.length;
    parts = [];
    size = 0;
  };
  let lines = 0;
  let num = 0;
  while (lines < lineCount) {
    num++;
    const month = 1 + Math.floor(((num * 12) / (lineCount / 3.4)) % 12);
    const day = 1 + Math.floor(rnd() * 28);
    const date = `2024${month < 10 ? '0' : ''}${month}${day < 10 ? '0' : ''}${day}`;
    const bank = rnd() < 0.08;
    const supplier = pick(suppliers);
    const piece = `FA24-${String(num).padStart(6, '0')}`;
    const label = bank ? `Prélèvement ${supplier.name}` : `Facture ${supplier.name} n° ${piece}`;
    const journal = bank ? 'BQ1\tBanque Crédit Mutuel' : 'AC\tAchats';
    const head = `${journal}\t${num}\t${date}\t`;
    const tail = `\t${piece}\t${date}\t${label}\t`;
    const nExpense = rnd() < 0.3 ? 2 : 1;
    let ht = 0;
    for (let k = 0; k < nExpense; k++) {
      const [account, accountLabel] = pick(ACCOUNTS);
      const amount = 500 + Math.floor(rnd() * 400_000);
      ht += amount;
      const credit = rnd() < 0.03; // a credit note line
      const line = `${head}${account}\t${accountLabel}\t\t${tail}${credit ? '0,00' : cents(amount)}\t${credit ? cents(amount) : '0,00'}\t\t\t20250131\t\t\r\n`;
      if (credit) ht -= 2 * amount;
      parts.push(line);
      size += line.length;
    }
    const vat = Math.round(ht * 0.2);
    const vatLine = `${head}44566000\tTVA déductible sur ABS\t\t${tail}${vat >= 0 ? cents(vat) : '0,00'}\t${vat < 0 ? cents(-vat) : '0,00'}\t\t\t20250131\t\t\r\n`;
    const ttc = ht + vat;
    const last = bank
      ? `${head}51200000\tBanque Crédit Mutuel\t\t${tail}${ttc < 0 ? cents(-ttc) : '0,00'}\t${ttc >= 0 ? cents(ttc) : '0,00'}\t\t\t20250131\t\t\r\n`
      : `${head}40100000\tFournisseurs\t${supplier.code}\t${supplier.name}${tail}${ttc < 0 ? cents(-ttc) : '0,00'}\t${ttc >= 0 ? cents(ttc) : '0,00'}\tAA\t${date}\t20250131\t\t\r\n`;
    parts.push(vatLine, last);
    size += vatLine.length + last.length;
    lines += nExpense + 2;
    if (size > 1 << 20) flush();
  }
  flush();
  closeSync(fd);
  return { bytes, lines };
}
