// NAF rev. 2 for the SIRENE importer, on top of core/naf (labels, sections): a SIRENE file
// writes sub-classes as `25.62B` (other sources drop the dot), parsed strictly here.
import { nafLabel, normaliseNafCode, sectionOfDivision } from '../../core/naf/index.ts';

export { nafLabel };

/** The section letter of a NAF code (`25.62B` → `C`). */
export function nafSectionOf(code: string): string | undefined {
  return sectionOfDivision(code.slice(0, 2));
}

/** A SIRENE NAF rev. 2 sub-class (`25.62B`), or undefined when the value is not one. */
export function parseNafSubclass(raw: string): string | undefined {
  const code = normaliseNafCode(raw);
  return code && /^\d{2}\.\d{2}[A-Z]$/.test(code) ? code : undefined;
}
