// CSV for spreadsheets, written the way French Excel opens it without a wizard:
// UTF-8 with a BOM, `;` between fields, CRLF, decimal comma. Text cells that a
// spreadsheet would run as a formula (starting with = + - @, a tab or a CR) get a
// leading single quote (OWASP "CSV injection"). Amounts are typed cells we write
// ourselves, so a credit note's "-12,50" stays a number.

/** A cell: text (escaped against formulas), an amount in cents, a plain number, or empty. */
export type CsvCell = string | { cents: number } | { number: number; digits?: number } | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** Neutralises a text cell a spreadsheet would otherwise evaluate. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** 123456 → "1234,56"; -5 → "-0,05" (no thousands separator: the cell stays a number). */
export function centsToCsvNumber(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant en centimes non entier : ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

function numberToCsv(value: number, digits = 2): string {
  return value.toFixed(digits).replace('.', ',');
}

function quote(text: string): string {
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return quote(neutraliseFormula(cell));
  if ('cents' in cell) return centsToCsvNumber(cell.cents);
  return numberToCsv(cell.number, cell.digits);
}

/** The whole file, BOM included. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map((h) => csvCell(h)).join(';'), ...rows.map((r) => r.map(csvCell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
