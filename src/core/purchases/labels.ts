// Labels of unattributed purchases are grouped so that "PRLV SEPA ORANGE 0612" and
// "PRLV SEPA ORANGE 0713" land together: upper case, no accents, digit runs → '#'.

export function labelGroupKey(label: string): string {
  const k = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\d+/g, '#')
    .replace(/[^A-Z#&]+/g, ' ')
    .trim();
  return k === '' ? '(SANS LIBELLE)' : k;
}
