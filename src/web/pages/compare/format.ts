// French formatting of the comparison's figures and the one-sentence verdict.

const nf = (min: number, max: number) =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: min, maximumFractionDigits: max });
const two = nf(2, 2);
const four = nf(2, 4);
const zero = nf(0, 0);

/** A per-unit amount in euros (a rate, may be below one cent): "5,35 €", "0,0342 €". */
export function eurUnit(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return `${(Math.abs(v) >= 1 || v === 0 ? two : four).format(v)} €`;
}

/** A yearly amount from integer cents, rounded to the euro: "53 478 €". */
export function eurYearCents(cents: number): string {
  return `${zero.format(Math.round(cents / 100))} €`;
}

/** A share (0.18) as a French percentage: "18 %"; digits for small shares. */
export function pct(share: number, digits = 0): string {
  return `${nf(digits, digits).format(share * 100)} %`;
}

/** A plain number in French: "10 000", "0,45". */
export function num(v: number, maxDigits = 2): string {
  return nf(0, maxDigits).format(v);
}

/** "de Shenzhen", "d'Istanbul", "d’Hô Chi Minh-Ville". */
export function deName(name: string): string {
  return /^[aeiouyàâéèêëîïôöûüœh]/i.test(name.normalize('NFC')) ? `d’${name}` : `de ${name}`;
}

export interface VerdictInput {
  farName: string;
  localName: string;
  farPrice: number;
  localPrice: number;
  farTco: number;
  localTco: number;
}

function relative(far: number, local: number): { word: 'moins' | 'plus' | 'same'; share: number } {
  if (local === 0 || Math.abs(far - local) < 0.005 * Math.abs(local)) return { word: 'same', share: 0 };
  return { word: far < local ? 'moins' : 'plus', share: Math.abs(far - local) / Math.abs(local) };
}

/**
 * The gap on price against the gap on total cost, in one plain sentence, the far offer
 * measured against the local one: « L’offre de Shenzhen est 18 % moins chère à l’achat, mais
 * 6 % plus chère en coût complet. » Gaps under 0,5 % read « au même niveau ».
 */
export function verdictSentence(v: VerdictInput): string {
  const price = relative(v.farPrice, v.localPrice);
  const tco = relative(v.farTco, v.localTco);
  const subject = `L’offre ${deName(v.farName)}`;
  const pricePart =
    price.word === 'same'
      ? `est au même prix d’achat que l’offre ${deName(v.localName)}`
      : `est ${pct(price.share)} ${price.word} chère à l’achat`;
  if (tco.word === 'same') {
    return `${subject} ${pricePart}, ${price.word === 'same' ? 'et' : 'mais revient'} au même coût complet.`;
  }
  const link =
    price.word === 'same' || price.word !== tco.word ? 'mais' : price.word === 'moins' ? 'et encore' : 'et';
  return `${subject} ${pricePart}, ${link} ${pct(tco.share)} ${tco.word} chère en coût complet.`;
}
