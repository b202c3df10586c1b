// CSV export of a search, safe to open in a spreadsheet: a text cell starting with = + - @,
// a tab or a carriage return is prefixed with a quote so it is never run as a formula
// (OWASP "CSV injection"). Numbers we compute ourselves (coordinates, distances) stay numbers.
import type { EstablishmentSummary } from '../../api/establishments.ts';

export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value).replace('.', ',') : safeCell(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const header = [
  'siret',
  'siren',
  'nom',
  'enseigne',
  'sigle',
  'code NAF',
  'activité',
  'tranche d’effectif',
  'année effectif',
  'commune',
  'code commune',
  'département',
  'code postal',
  'adresse',
  'latitude',
  'longitude',
  'source position',
  'distance (km)',
  'siège',
  'actif',
  'pourquoi',
];

/** `;`-separated UTF-8 with a BOM and CRLF: what French spreadsheet software opens directly. */
export function toCsv(items: readonly EstablishmentSummary[]): string {
  const lines = [header.join(';')];
  for (const e of items) {
    lines.push(
      [
        e.siret,
        e.siren,
        e.name,
        e.enseigne,
        e.sigle,
        e.naf?.code ?? null,
        e.naf?.label ?? null,
        e.headcount?.label ?? null,
        e.headcount?.year ?? null,
        e.commune?.name ?? null,
        e.commune?.code ?? null,
        e.department ? `${e.department.code} ${e.department.label}` : null,
        e.postalCode,
        e.address,
        e.location?.lat ?? null,
        e.location?.lon ?? null,
        e.location?.source ?? null,
        e.distanceKm,
        e.isHeadOffice ? 'oui' : 'non',
        e.active ? 'oui' : 'non',
        e.why.join(' ; '),
      ]
        .map(quote)
        .join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
