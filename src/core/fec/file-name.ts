// The file name the regulation asks for, `<SIREN>FEC<AAAAMMJJ>` (article A47 A-1 of the Livre des
// procédures fiscales), e.g. `123456789FEC20231231.txt`. A hint only: many files are renamed.
import { isoFromDateNumber, parseDateNumber } from './values.ts';

export interface FecFileNameHint {
  siren: string;
  /** Closing date of the fiscal year, ISO. */
  closingDate: string;
}

/** Reads the SIREN and closing date from a file name (any folder part is ignored), or null. */
export function parseFecFileName(fileName: string): FecFileNameHint | null {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const match = /^(\d{9})FEC(\d{8})(?:\.[A-Za-z0-9]+)?$/i.exec(base);
  if (!match) return null;
  const date = parseDateNumber(new TextEncoder().encode(match[2]), 0, 8);
  if (date <= 0) return null;
  return { siren: match[1]!, closingDate: isoFromDateNumber(date) };
}
