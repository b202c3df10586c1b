// Whether a SIRENE file comes sorted by its key, as INSEE publishes it: the importer then skips
// its duplicate search and reads the legal units beside the establishments.

/** Whether the keys seen so far (SIRETs or SIRENs, as numbers) came in strictly increasing order. */
export function increasing() {
  let last = -1;
  let sorted = true;
  return {
    see(key: number) {
      if (key > last) last = key;
      else sorted = false;
    },
    get sorted() {
      return sorted;
    },
  };
}

/**
 * A set of SIRENs (numbers below 2^31), kept as a sorted array while they come in increasing
 * order (INSEE's files), else as a Set: a Set of a million numbers cost the main thread 0.8 s
 * per million rows (hashing into a table of tens of megabytes) and the garbage collector marked
 * it again and again.
 */
export class SirenSet {
  private sorted: Int32Array = new Int32Array(1024);
  private n = 0;
  private set: Set<number> | undefined;

  add(siren: number): void {
    if (this.set) {
      this.set.add(siren);
      return;
    }
    const n = this.n;
    if (n > 0 && siren <= this.sorted[n - 1]!) {
      if (siren === this.sorted[n - 1]) return;
      this.set = new Set(this.sorted.subarray(0, n));
      this.set.add(siren);
      this.sorted = new Int32Array(0);
      return;
    }
    if (n === this.sorted.length) {
      const bigger = new Int32Array(n * 2);
      bigger.set(this.sorted);
      this.sorted = bigger;
    }
    this.sorted[n] = siren;
    this.n = n + 1;
  }

  has(siren: number): boolean {
    if (this.set) return this.set.has(siren);
    const a = this.sorted;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = a[mid]!;
      if (v === siren) return true;
      if (v < siren) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  clear(): void {
    this.sorted = new Int32Array(0);
    this.n = 0;
    this.set = undefined;
  }
}
