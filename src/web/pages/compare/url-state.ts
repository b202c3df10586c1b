// The scenario lives in the URL so it can be shared by link. It goes in the fragment
// (`#s=…`), which browsers never send to the server: prices stay on the buyer's machine.
// Encoding: JSON → deflate-raw (CompressionStream, when the browser has it) → base64url,
// prefixed 'z'; or JSON → UTF-8 → base64url, prefixed 'j'. Decoding accepts both.

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('caractères non autorisés');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

const canCompress = () =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** Encodes any JSON value into a compact URL-safe string. */
export async function encodeState(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  if (canCompress()) return `z${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
  return `j${toBase64Url(json)}`;
}

/** Result of reading a shared link: the JSON value, or a French message saying what went wrong. */
export type DecodedState = { ok: true; value: unknown } | { ok: false; message: string };

/** Decodes what `encodeState` produced. Never throws: a damaged link gives a message. */
export async function decodeState(text: string): Promise<DecodedState> {
  const broken = (why: string): DecodedState => ({
    ok: false,
    message: `Le lien partagé est incomplet ou abîmé (${why}). Vérifiez qu'il a été copié en entier ; le scénario par défaut est affiché.`,
  });
  try {
    const kind = text[0];
    const bytes = fromBase64Url(text.slice(1));
    let raw: Uint8Array;
    if (kind === 'z') {
      if (!canCompress()) return broken('ce navigateur ne sait pas décompresser');
      raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
    } else if (kind === 'j') raw = bytes;
    else return broken('format inconnu');
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as unknown };
  } catch (e) {
    return broken(e instanceof SyntaxError ? 'JSON illisible' : 'données illisibles');
  }
}

/** Reads the `s` parameter of a URL fragment such as `#s=z…`. */
export function stateFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('s');
}

/** The shareable link for an encoded state, built from the current page's address. */
export function shareUrl(href: string, encoded: string): string {
  const url = new URL(href);
  url.hash = `s=${encoded}`;
  return url.toString();
}
