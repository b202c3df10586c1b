// NAF rev. 2 labels for the directory: the 4 numeric levels from @socialgouv/codes-naf
// (Apache-2.0, INSEE nomenclature, 1.1.1) and the 21 sections, which that package lacks.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rows = require('@socialgouv/codes-naf/index.json') as { id: string; label: string }[];

/** Sections of NAF rev. 2 and their division ranges. Source: INSEE, « NAF rév. 2 », édition 2008 (en vigueur 2025). */
export const nafSections: readonly { code: string; label: string; from: number; to: number }[] = [
  { code: 'A', label: 'Agriculture, sylviculture et pêche', from: 1, to: 3 },
  { code: 'B', label: 'Industries extractives', from: 5, to: 9 },
  { code: 'C', label: 'Industrie manufacturière', from: 10, to: 33 },
  {
    code: 'D',
    label: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    from: 35,
    to: 35,
  },
  {
    code: 'E',
    label: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
    from: 36,
    to: 39,
  },
  { code: 'F', label: 'Construction', from: 41, to: 43 },
  { code: 'G', label: "Commerce ; réparation d'automobiles et de motocycles", from: 45, to: 47 },
  { code: 'H', label: 'Transports et entreposage', from: 49, to: 53 },
  { code: 'I', label: 'Hébergement et restauration', from: 55, to: 56 },
  { code: 'J', label: 'Information et communication', from: 58, to: 63 },
  { code: 'K', label: "Activités financières et d'assurance", from: 64, to: 66 },
  { code: 'L', label: 'Activités immobilières', from: 68, to: 68 },
  { code: 'M', label: 'Activités spécialisées, scientifiques et techniques', from: 69, to: 75 },
  { code: 'N', label: 'Activités de services administratifs et de soutien', from: 77, to: 82 },
  { code: 'O', label: 'Administration publique', from: 84, to: 84 },
  { code: 'P', label: 'Enseignement', from: 85, to: 85 },
  { code: 'Q', label: 'Santé humaine et action sociale', from: 86, to: 88 },
  { code: 'R', label: 'Arts, spectacles et activités récréatives', from: 90, to: 93 },
  { code: 'S', label: 'Autres activités de services', from: 94, to: 96 },
  {
    code: 'T',
    label: 'Activités des ménages en tant qu’employeurs ; activités indifférenciées des ménages',
    from: 97,
    to: 98,
  },
  { code: 'U', label: 'Activités extra-territoriales', from: 99, to: 99 },
];

const labels = new Map(rows.map((r) => [r.id, r.label]));

/** Label of a NAF code at any level (`C`, `25`, `25.6`, `25.62`, `25.62B`). */
export function nafLabel(code: string): string | undefined {
  if (/^[A-U]$/.test(code)) return nafSections.find((s) => s.code === code)?.label;
  return labels.get(code);
}

/** The section letter of a NAF code (`25.62B` → `C`). */
export function nafSectionOf(code: string): string | undefined {
  const division = Number(code.slice(0, 2));
  if (!Number.isInteger(division)) return undefined;
  return nafSections.find((s) => division >= s.from && division <= s.to)?.code;
}

/** Divisions (2-digit prefixes) of a section, for filtering by prefix. */
export function divisionsOfSection(section: string): string[] {
  const s = nafSections.find((x) => x.code === section);
  if (!s) return [];
  const out: string[] = [];
  for (let d = s.from; d <= s.to; d++)
    if (labels.has(String(d).padStart(2, '0'))) out.push(String(d).padStart(2, '0'));
  return out;
}

/** A SIRENE NAF rev. 2 sub-class (`25.62B`), or undefined when the value is not one. */
export function parseNafSubclass(raw: string): string | undefined {
  const v = raw.trim().toUpperCase();
  if (/^\d{2}\.\d{2}[A-Z]$/.test(v)) return v;
  if (/^\d{4}[A-Z]$/.test(v)) return `${v.slice(0, 2)}.${v.slice(2)}`;
  return undefined;
}

/** Levels of a sub-class, finest first: sub-class, class, group. */
export function nafAncestors(subclass: string): { level: 'subclass' | 'class' | 'group'; code: string }[] {
  const out: { level: 'subclass' | 'class' | 'group'; code: string }[] = [];
  if (/^\d{2}\.\d{2}[A-Z]$/.test(subclass)) out.push({ level: 'subclass', code: subclass });
  if (/^\d{2}\.\d{2}/.test(subclass)) out.push({ level: 'class', code: subclass.slice(0, 5) });
  if (/^\d{2}\.\d/.test(subclass)) out.push({ level: 'group', code: subclass.slice(0, 4) });
  return out;
}
