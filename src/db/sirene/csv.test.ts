import { describe, expect, it } from 'vitest';
import { CsvReader } from './csv.ts';

/** Parses `text` pushed in pieces cut at `cuts`. */
function parse(text: string, cuts: number[], keep?: boolean[]): string[][] {
  const reader = new CsvReader(',', keep);
  const out: string[][] = [];
  let from = 0;
  for (const at of [...cuts, text.length]) {
    reader.push(text.slice(from, at), out);
    from = at;
  }
  reader.end(out);
  return out;
}

describe('CsvReader', () => {
  const text =
    'a,b,c\n1,"x, ""y""",3\r\n4,5,6\r\n\n7,"multi\nline",9\r10,11,12\n13,,\n"q"z,r,\n"last",,"end"';
  const expected = [
    ['a', 'b', 'c'],
    ['1', 'x, "y"', '3'],
    ['4', '5', '6'],
    ['7', 'multi\nline', '9'],
    ['10', '11', '12'],
    ['13', '', ''],
    ['qz', 'r', ''],
    ['last', '', 'end'],
  ];

  it('reads quoted fields, doubled quotes, LF, CRLF and CR line ends, blank lines', () => {
    expect(parse(text, [])).toEqual(expected);
  });

  it('gives the same records wherever the chunks are cut', () => {
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, i + 1, i + 7]) {
        expect(parse(text, j <= text.length && j > i ? [i, j] : [i])).toEqual(expected);
      }
    }
  });

  it('reads the columns not kept as empty strings', () => {
    expect(parse('1,2,3\n4,"5",6\n', [], [true, false, true])).toEqual([
      ['1', '', '3'],
      ['4', '5', '6'],
    ]);
  });
});
