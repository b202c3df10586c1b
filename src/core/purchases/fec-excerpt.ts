// Writes FEC lines from a compact, readable table, for worked examples and generated personas:
//   Journal | Num | Date | Compte | Libellé compte | Aux | Libellé aux | Pièce | Libellé | Débit | Crédit [| Devise]
// Amounts in euros with a comma or a dot ("1 200,50"); dates YYYYMMDD or YYYY-MM-DD.
import type { FecLine } from '../fec/types.ts';

function toCents(text: string): number {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (t === '') return 0;
  const [whole = '0', frac = ''] = t.split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number((frac + '00').slice(0, 2)));
}

function isoDate(text: string): string {
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text;
}

export function fecExcerpt(table: string, firstLine = 2): FecLine[] {
  const lines: FecLine[] = [];
  for (const row of table.split('\n')) {
    if (row.trim() === '' || row.trim().startsWith('#')) continue;
    const f = row.split('|').map((x) => x.trim());
    const [journalCode = '', ecritureNum = '', date = '', compteNum = '', compteLib = ''] = f;
    const [
      compAuxNum = '',
      compAuxLib = '',
      pieceRef = '',
      ecritureLib = '',
      debit = '',
      credit = '',
      idevise = '',
    ] = f.slice(5);
    lines.push({
      line: firstLine + lines.length,
      journalCode,
      journalLib: journalCode,
      ecritureNum,
      ecritureDate: isoDate(date),
      compteNum,
      compteLib,
      compAuxNum,
      compAuxLib,
      pieceRef,
      pieceDate: isoDate(date),
      ecritureLib,
      debitCents: toCents(debit),
      creditCents: toCents(credit),
      montantDeviseCents: null,
      idevise,
    });
  }
  return lines;
}
