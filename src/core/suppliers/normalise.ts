// Supplier names as accounting files write them ("STE ARMOR-EMBALLAGES S.A.R.L.", "Müller GmbH",
// names cut at 30 characters) → comparable forms: lower case, no accents, no punctuation, no
// legal form, no stop words; plus trigram and token similarity in the manner of pg_trgm.
import { legalForms, type LegalForm } from './legal-forms.ts';

const STOP_WORDS = new Set([
  'le',
  'la',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
  'et',
  'en',
  'aux',
  'au',
  'the',
  'del',
  'di',
  'da',
  'von',
  'van',
  'der',
  'den',
  'und',
  'and',
  'of',
  'societe',
  'ste',
  'ets',
  'etablissements',
  'etabl',
  'cie',
  'compagnie',
  'company',
]);

export interface NormalisedName {
  /** Tokens joined by one space: "armor emballages". */
  text: string;
  tokens: string[];
  /** Legal forms found (with their country hints). */
  legalForms: LegalForm[];
}

/** Lower case, accents and punctuation removed, dotted abbreviations joined (S.p.A. → spa). */
export function foldName(raw: string): string[] {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/gi, 'o')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1') // s.p.a. → spa. ; o.o. → oo.
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
}

function matchesAt(tokens: string[], at: number, form: string[]): boolean {
  if (at + form.length > tokens.length) return false;
  for (let i = 0; i < form.length; i++) if (tokens[at + i] !== form[i]) return false;
  return true;
}

const formsByLength = [...legalForms].sort((a, b) => b.tokens.length - a.tokens.length);

export function normaliseName(raw: string): NormalisedName {
  const folded = foldName(raw);
  const found: LegalForm[] = [];
  const keep: string[] = [];
  let i = 0;
  while (i < folded.length) {
    const form = formsByLength.find(
      (f) =>
        matchesAt(folded, i, f.tokens) &&
        (!f.edgeOnly || i === 0 || i + f.tokens.length === folded.length) &&
        folded.length > f.tokens.length, // never strip the whole name
    );
    if (form) {
      if (!found.includes(form)) found.push(form);
      i += form.tokens.length;
      continue;
    }
    keep.push(folded[i] as string);
    i++;
  }
  const tokens = keep.filter((t) => !STOP_WORDS.has(t));
  const finalTokens = tokens.length > 0 ? tokens : keep;
  return { text: finalTokens.join(' '), tokens: finalTokens, legalForms: found };
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const w = `  ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  }
  return out;
}

/** Jaccard similarity of the trigram sets (what pg_trgm's similarity() computes). */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

/** Dice similarity of the token sets, a token counting as shared when one is a prefix (≥ 4 letters) of the other. */
export function tokenSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const same = (x: string, y: string) =>
    x === y || (x.length >= 4 && y.startsWith(x)) || (y.length >= 4 && x.startsWith(y));
  let shared = 0;
  const used = new Set<number>();
  for (const x of a) {
    const j = b.findIndex((y, k) => !used.has(k) && same(x, y));
    if (j >= 0) {
      used.add(j);
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Length at which accounting software often cuts names (CompAuxLib fields of 30, 32, 35 or 40). */
const TRUNCATION_MIN = 25;

/** Whether `short` looks like `long` cut after some characters: same words, the last one cut. */
export function isTruncationOf(shortRaw: string, longRaw: string): boolean {
  if (shortRaw.trim().length < TRUNCATION_MIN || shortRaw.trim().length >= longRaw.trim().length)
    return false;
  const s = foldName(shortRaw).join(' ');
  const l = foldName(longRaw).join(' ');
  return l.startsWith(s) && s.length >= 15;
}

/**
 * How close two supplier names are, 0..1: 1 for the same normalised name, 0.92 for a name cut
 * at its 30th character, else a blend of trigram (spelling) and token (word order) similarity.
 */
export function nameSimilarity(a: string, b: string): number {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (na.text === '' || nb.text === '') return 0;
  if (na.text === nb.text) return 1;
  if (isTruncationOf(a, b) || isTruncationOf(b, a)) return 0.92;
  const score = 0.6 * trigramSimilarity(na.text, nb.text) + 0.4 * tokenSimilarity(na.tokens, nb.tokens);
  return Math.round(score * 1000) / 1000;
}
