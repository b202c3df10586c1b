// Whether a SIRENE file comes sorted by its key, as INSEE publishes it: the importer then skips
// its duplicate search and reads the legal units beside the establishments.

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
