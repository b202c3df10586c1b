// A small streaming CSV reader (RFC 4180: quotes, doubled quotes, separators and line breaks
// inside quotes; LF or CRLF). Text goes in by chunks, complete records come out; the last
// incomplete record waits for the next chunk, so memory stays bounded by one chunk.

export class CsvReader {
  private rest = '';
  private readonly sep: number;
  private readonly keep: readonly boolean[] | undefined;

  /** `keep[i]` false: column i is read as '' (no string is made for a column nobody reads). */
  constructor(separator = ',', keep?: readonly boolean[]) {
    this.sep = separator.charCodeAt(0);
    this.keep = keep;
  }

  /** Parses as many complete records as the text allows. Call `end()` after the last chunk. */
  push(chunk: string, out: string[][]): void {
    const text = this.rest === '' ? chunk : this.rest + chunk;
    const consumed = this.parse(text, out, false);
    this.rest = text.slice(consumed);
  }

  end(out: string[][]): void {
    if (this.rest !== '') this.parse(this.rest, out, true);
    this.rest = '';
  }

  /** Returns the offset up to which the text was consumed. */
  private parse(text: string, out: string[][], final: boolean): number {
    const n = text.length;
    const sep = this.sep;
    const keep = this.keep;
    let pos = 0;
    // Next quote and carriage return after `pos` (n when none): a line without either is split
    // on separators alone; the general loop below reads the others.
    let quote = -1;
    let cr = -1;
    while (pos < n) {
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote === -1) quote = n;
      }
      if (cr < pos) {
        cr = text.indexOf('\r', pos);
        if (cr === -1) cr = n;
      }
      const eol = text.indexOf('\n', pos);
      if (eol !== -1 && eol < quote && (eol < cr || (cr === eol - 1 && eol - 1 > pos))) {
        const end = cr === eol - 1 ? eol - 1 : eol;
        if (end > pos) {
          // Sized once (growing an array field by field made garbage of every row).
          const record: string[] = keep === undefined ? [] : new Array<string>(keep.length);
          let p = pos;
          let k = 0;
          for (let j = p; ; j++) {
            if (j === end || text.charCodeAt(j) === sep) {
              record[k] = keep === undefined || keep[k] !== false ? text.slice(p, j) : '';
              k++;
              if (j === end) break;
              p = j + 1;
            }
          }
          record.length = k;
          out.push(record);
        }
        pos = eol + 1;
        continue;
      }
      const start = pos;
      const record: string[] = [];
      let complete = false;
      for (;;) {
        if (pos < n && text.charCodeAt(pos) === 34) {
          // quoted field
          let value = '';
          let i = pos + 1;
          let closed = false;
          for (;;) {
            const q = text.indexOf('"', i);
            if (q === -1) break;
            if (text.charCodeAt(q + 1) === 34) {
              value += text.slice(i, q + 1);
              i = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break; // cannot tell yet whether a quote follows
            value += text.slice(i, q);
            i = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) return start;
            record.push(value + text.slice(i));
            pos = n;
            complete = true;
            break;
          }
          // skip to the next separator or line end (junk after a closing quote is kept)
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === sep || c === 10 || c === 13) break;
            j++;
          }
          record.push(j > i ? value + text.slice(i, j) : value);
          pos = j;
        } else {
          let j = pos;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === sep || c === 10 || c === 13) break;
            j++;
          }
          record.push(keep === undefined || keep[record.length] !== false ? text.slice(pos, j) : '');
          pos = j;
        }
        if (pos >= n) {
          if (!final) return start;
          complete = true;
          break;
        }
        const c = text.charCodeAt(pos);
        if (c === sep) {
          pos++;
          continue;
        }
        // line end: CRLF, LF or CR
        if (c === 13) {
          if (pos + 1 >= n && !final) return start;
          pos += text.charCodeAt(pos + 1) === 10 ? 2 : 1;
        } else pos++;
        complete = true;
        break;
      }
      if (complete && !(record.length === 1 && record[0] === '')) out.push(record);
    }
    return pos;
  }
}

/**
 * Where the CSV record at `pos` of bytes `b` ends (after its line break), read as CsvReader's
 * general loop reads it (quoted fields, CR, LF or CRLF), or -1 when it may go on in bytes still
 * to come. UTF-8 keeps every byte of these ASCII characters for them alone.
 */
export function csvRecordEnd(b: Buffer, pos: number, sep: number, final: boolean): number {
  const n = b.length;
  for (;;) {
    if (pos < n && b[pos] === 34) {
      let i = pos + 1;
      for (;;) {
        const q = b.indexOf(34, i);
        if (q === -1) return final ? n : -1;
        if (b[q + 1] === 34) {
          i = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return -1;
        i = q + 1;
        break;
      }
      pos = i;
    }
    while (pos < n) {
      const c = b[pos]!;
      if (c === sep || c === 10 || c === 13) break;
      pos++;
    }
    if (pos >= n) return final ? n : -1;
    const c = b[pos]!;
    if (c === sep) {
      pos++;
      continue;
    }
    if (c === 13) {
      if (pos + 1 >= n && !final) return -1;
      return pos + (b[pos + 1] === 10 ? 2 : 1);
    }
    return pos + 1;
  }
}

/** Splits one header line (no quotes expected in SIRENE headers, tolerated anyway). */
export function parseHeaderLine(line: string, separator: string): string[] {
  const out: string[][] = [];
  const reader = new CsvReader(separator);
  reader.push(line, out);
  reader.end(out);
  return (out[0] ?? []).map((h) => h.trim().replace(/^\uFEFF/, ''));
}

/** Guesses the separator of a header line: `;`, tab or `,` (the most frequent). */
export function detectSeparator(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates = [',', ';', '\t', '|'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}
