// Text helpers shared by the search and the supplier resolver: the same folding as the
// database's `lower(immutable_unaccent(…))` and `[^a-z0-9]+` word split of the importer.

export function fold(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** French words that carry no meaning in a company name search. */
export const stopWords = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'pour',
  'par',
  'sur',
  'un',
  'une',
]);

/** Whether a query word (already folded) matches a word of a field, allowing French inflections. */
export function wordMatches(queryWord: string, fieldWord: string, prefix: boolean): boolean {
  if (fieldWord === queryWord) return true;
  if (prefix && fieldWord.startsWith(queryWord)) return true;
  // Same stem: a long common prefix (boulangerie / boulangeries, menuisier / menuiserie).
  const min = Math.min(queryWord.length, fieldWord.length);
  if (min < 4) return false;
  let common = 0;
  while (common < min && queryWord.charCodeAt(common) === fieldWord.charCodeAt(common)) common++;
  return common >= Math.max(4, min - 2);
}
