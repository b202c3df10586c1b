// PostgreSQL COPY text values, for connection.ts (copyRows) and the SIRENE importer and its
// legal-unit thread. No dependency, so a worker thread can load it cheaply.

/** COPY text null. */
export const N = '\\N';
const copySpecial = /[\\\t\n\r]/;
const copySpecials = /[\\\t\n\r]/g;
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as COPY text: \N for null, backslash, tab and line breaks escaped. */
export function copyValue(v: string | null): string {
  if (v === null) return N;
  return copySpecial.test(v) ? v.replace(copySpecials, (c) => copyEscapes[c] ?? c) : v;
}
