// Text folding for look-ups: case-, accent- and punctuation-insensitive
// ("Côtes-d'Armor" and "cotes d armor" fold to the same key).

const ligatures: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/** Lower-case, no accents, ligatures expanded, every run of non-alphanumerics turned into one space. */
export function foldText(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (c) => ligatures[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
