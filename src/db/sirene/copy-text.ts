// COPY text of the staging tables, shared by the importer and its legal-unit reader thread.

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

/** Whether the keys seen so far came in strictly increasing order (fixed-length digit strings). */
export function increasing() {
  let last = '';
  let sorted = true;
  return {
    see(key: string) {
      if (key > last) last = key;
      else sorted = false;
    },
    get sorted() {
      return sorted;
    },
  };
}
