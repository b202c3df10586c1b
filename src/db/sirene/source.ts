// Opens a SIRENE file as a stream of CSV records: a plain .csv, or a .zip as published by
// INSEE (the first .csv entry is read as it is inflated, never written to disk). yauzl reads
// the zip's central directory, so Zip64 archives of several GB work.
import { closeSync, openSync, read as readFd, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CsvReader, detectSeparator, parseHeaderLine } from './csv.ts';

export interface CsvSource {
  file: string;
  header: string[];
  separator: string;
  /** Bytes of CSV text to read (uncompressed size for a zip). */
  totalBytes: number;
  bytesRead(): number;
  /** Records after the header, in batches; with `columns`, the other columns are read as ''. */
  batches(columns?: readonly number[]): AsyncGenerator<string[][]>;
  /**
   * The bytes after the header as they are read, undecoded (the establishments' byte path,
   * establishment-bytes.ts). The first one starts at a line start, the others anywhere. A chunk
   * stays valid until the one after the next is asked for (its buffer is then read into again).
   */
  chunks(): AsyncGenerator<Buffer>;
  close(): void;
}

export class SourceError extends Error {}

/** Characters of text parsed at a time (see batches). */
const piece = 1 << 16;

function openZipEntry(path: string): Promise<{ stream: Readable; size: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) {
        reject(
          new SourceError(
            `Archive « ${basename(path)} » illisible : ${error?.message ?? 'format zip attendu'}.`,
          ),
        );
        return;
      }
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.csv$/i.test(entry.fileName)) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) reject(e ?? new SourceError('Lecture de l’archive impossible.'));
          else resolve({ stream, size: entry.uncompressedSize, close: () => zip.close() });
        });
      });
      zip.on('end', () =>
        reject(new SourceError(`L’archive « ${basename(path)} » ne contient aucun fichier .csv.`)),
      );
      zip.readEntry();
    });
  });
}

/**
 * A plain file's bytes, 1 MB at a time, read into two buffers in turn: a chunk stays valid until
 * the one after the next is asked for. A new buffer per read (as a read stream allocates them)
 * made the garbage collector run for the external memory, every 10 MB or so.
 */
function openFile(path: string): { iterator: AsyncIterator<Buffer>; close: () => void } {
  const fd = openSync(path, 'r');
  const buffers = [Buffer.allocUnsafeSlow(1 << 20), Buffer.allocUnsafeSlow(1 << 20)];
  let turn = 0;
  let closed = false;
  return {
    iterator: {
      next: () =>
        new Promise((resolve, reject) => {
          if (closed) {
            resolve({ done: true, value: undefined });
            return;
          }
          const buffer = buffers[turn++ & 1]!;
          readFd(fd, buffer, 0, buffer.length, null, (error, n) => {
            if (error) reject(error);
            else
              resolve(
                n === 0 ? { done: true, value: undefined } : { done: false, value: buffer.subarray(0, n) },
              );
          });
        }),
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

/** The first CR or LF of `bytes`, or -1. */
function lineBreakAt(bytes: Buffer): number {
  const lf = bytes.indexOf(10);
  const cr = bytes.indexOf(13);
  return cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
}

export async function openCsv(path: string, forcedSeparator?: string): Promise<CsvSource> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new SourceError(`Fichier « ${path} » introuvable : vérifiez le chemin.`);
  }
  let opened: { iterator: AsyncIterator<Buffer>; size: number; close: () => void };
  if (/\.zip$/i.test(path)) {
    const zip = await openZipEntry(path);
    opened = {
      iterator: zip.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
      size: zip.size,
      close() {
        zip.stream.destroy();
        zip.close();
      },
    };
  } else opened = { ...openFile(path), size };
  let read = 0;
  const iterator = opened.iterator;

  // Read until the header line is complete (a line break is one byte in UTF-8).
  let head: Buffer = Buffer.alloc(0);
  let newline = -1;
  for (;;) {
    newline = lineBreakAt(head);
    if (newline !== -1) break;
    const next = await iterator.next();
    if (next.done) break;
    read += next.value.length;
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  // The first decoder drops a byte order mark at the start of the file; after the header,
  // another one is text.
  let headerLine = new TextDecoder('utf-8').decode(newline === -1 ? head : head.subarray(0, newline));
  if (headerLine.charCodeAt(0) === 0xfeff) headerLine = headerLine.slice(1);
  const separator = forcedSeparator ?? detectSeparator(headerLine);
  const header = parseHeaderLine(headerLine, separator);
  let skip = newline;
  if (newline !== -1) skip += head[newline] === 13 && head[newline + 1] === 10 ? 2 : 1;
  let rest: Buffer | undefined = newline === -1 ? undefined : head.subarray(skip);

  async function* chunks(): AsyncGenerator<Buffer> {
    if (rest !== undefined && rest.length > 0) yield rest;
    rest = undefined;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      read += next.value.length;
      yield next.value;
    }
  }

  return {
    file: basename(path),
    header,
    separator,
    totalBytes: opened.size,
    bytesRead: () => read,
    async *batches(columns?: readonly number[]) {
      const keep = columns && header.map((_, i) => columns.includes(i));
      const reader = new CsvReader(separator, keep);
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      let out: string[][] = [];
      for await (const bytes of chunks()) {
        // Parsed and handed over in pieces of 64 KB (a few hundred records): a batch is alive
        // while the caller maps it, and a whole 1 MB read of records (~10 MB of arrays and
        // strings) outlived the young generation, so the garbage collector copied it again
        // and again.
        const text = decoder.decode(bytes, { stream: true });
        for (let at = 0; at < text.length; at += piece) {
          reader.push(at === 0 && text.length <= piece ? text : text.slice(at, at + piece), out);
          if (out.length > 0) {
            yield out;
            out = [];
          }
        }
      }
      reader.push(decoder.decode(), out);
      reader.end(out);
      if (out.length > 0) yield out;
    },
    chunks,
    close() {
      opened.close();
    },
  };
}
