import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../core/fec/encoding.ts';
import { readFecChunks } from '../../core/fec/index.ts';
import { fecText, row } from '../../core/fec/test-helpers.ts';
import { createPurchaseAggregator } from '../../core/purchases/index.ts';
import { fileChunks } from './file-chunks.ts';

const dir = mkdtempSync(join(tmpdir(), 'relocalisons-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 60 plain-ASCII purchases, then accented labels and supplier names (the encoding is chosen late). */
function ledger(): Uint8Array {
  const rows: string[][] = [];
  for (let i = 1; i <= 120; i++) {
    const num = String(i);
    const accent = i > 60 ? 'Éléments brûlés œuvre' : 'Elements';
    const supplier: [string, string] =
      i > 60 ? [`G${i % 7}`, `Société ${i % 7} Crêpes`] : [`F${i % 7}`, `SOCIETE ${i % 7}`];
    rows.push(row('AC', num, '20240115', '601000', `${accent} ${i}`, `${i},50`, '0,00'));
    rows.push(row('AC', num, '20240115', '401000', `${accent} ${i}`, '0,00', `${i},50`, supplier));
  }
  return encodeText(fecText(rows, { eol: '\r\n' }), 'iso-8859-15');
}

async function purchasesOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  const aggregator = createPurchaseAggregator();
  const summary = await readFecChunks(
    (async function* () {
      yield* chunks;
    })(),
    { onLine: aggregator.add },
  );
  return { summary, purchases: aggregator.result() };
}

describe('a FEC read from disk through one reused buffer', () => {
  it('gives the same purchases and report as the whole file read at once, whatever the chunk size', async () => {
    const bytes = ledger();
    const path = join(dir, 'reused.txt');
    writeFileSync(path, bytes);
    const whole = await purchasesOf([bytes]);
    expect(whole.summary.encoding).toBe('iso-8859-15');
    expect(whole.purchases.suppliers.map((s) => s.name)).toContain('Société 3 Crêpes');
    // Tiny chunks cut every field and line end; the buffer is overwritten before the next push,
    // so any byte the reader kept without copying would show up as a difference here.
    for (const size of [1, 7, 64, 4096]) {
      const chunked = await purchasesOf(fileChunks(path, size));
      expect(chunked.purchases).toEqual(whole.purchases);
      expect(chunked.summary).toEqual(whole.summary);
    }
  });

  it('yields nothing for an empty file and closes it', async () => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    const seen: Uint8Array[] = [];
    for await (const chunk of fileChunks(path)) seen.push(chunk);
    expect(seen).toEqual([]);
  });
});
