// French display of the directory's figures.
const km = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('fr-FR');

/** « 12,3 km », « 850 m » under one kilometre. */
export function formatDistance(distanceKm: number): string {
  if (distanceKm < 1) return `${int.format(Math.round(distanceKm * 1000))} m`;
  return `${km.format(distanceKm >= 100 ? Math.round(distanceKm) : distanceKm)} km`;
}

export function formatCount(n: number): string {
  return int.format(n);
}

/** « 1 établissement », « 1 234 établissements ». */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n > 1 ? many : one}`;
}

/** ISO date (2019-03-01) → « 1 mars 2019 ». */
export function formatDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** SIRET grouped as on official documents: 356 000 000 00048. */
export function formatSiret(siret: string): string {
  return siret.length === 14
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

export function formatSiren(siren: string): string {
  return siren.length === 9 ? `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` : siren;
}
