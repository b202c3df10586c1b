// The IBAL badge: an SVG string, the same pure code in the browser and on the server. It carries
// the three cumulative percentages, the year and an accessible text (role="img", <title>, <desc>).
// It is refused while less than 80 % of the spend is located (BADGE_MIN_COVERAGE).
import { err, formatPercent, ok, type Problem, type Result } from '../shared/index.ts';
import { formatCoverage } from './compute.ts';
import type { IbalResult } from './types.ts';

export interface BadgeOptions {
  /** Company name shown under the title (optional). */
  organisation?: string;
}

const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

const pctText = (v: number | null): string => (v === null ? '—' : formatPercent(Math.round(v)));

/** The sentence a screen reader reads (also the badge's <desc>). */
export function badgeDescription(r: IbalResult): string {
  const year = r.year ?? '';
  return (
    `Indice breton de l'achat local ${year} : ${pctText(r.index.bretagne)} des achats en Bretagne, ` +
    `${pctText(r.index.france)} en France (Bretagne comprise), ${pctText(r.index.europe)} dans l'Union européenne ` +
    `(France comprise), calculés sur ${formatCoverage(r.coverage)} des achats localisés. Méthode ${r.method.id} ${r.method.version}.`
  ).replace(/\s+/g, ' ');
}

export function badgeSvg(
  r: IbalResult,
  options: BadgeOptions = {},
): Result<string, Problem<'badge-refused'>> {
  if (!r.badge.eligible)
    return err({ code: 'badge-refused', message: r.badge.reason ?? 'Badge indisponible.' });
  const year = r.year === null ? '' : String(r.year);
  const title = `Indice breton de l'achat local${year ? ` ${year}` : ''}`;
  const bars: [string, number | null, string][] = [
    ['Bretagne', r.index.bretagne, '#0b5394'],
    ['France', r.index.france, '#1c7c54'],
    ['Europe', r.index.europe, '#6b4c9a'],
  ];
  const org = options.organisation ? escapeXml(options.organisation.slice(0, 60)) : '';
  const columns = bars
    .map(([label, value, color], i) => {
      const x = 20 + i * 100;
      const fill = Math.max(0, Math.min(100, value ?? 0));
      return [
        `<g>`,
        `<rect x="${x}" y="74" width="90" height="8" rx="4" fill="#e6e6e6"/>`,
        `<rect x="${x}" y="74" width="${((90 * fill) / 100).toFixed(1)}" height="8" rx="4" fill="${color}"/>`,
        `<text x="${x + 45}" y="64" font-size="26" font-weight="700" text-anchor="middle" fill="${color}">${escapeXml(pctText(value))}</text>`,
        `<text x="${x + 45}" y="100" font-size="12" text-anchor="middle" fill="#222">${label}</text>`,
        `</g>`,
      ].join('');
    })
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="340" height="160" viewBox="0 0 340 160" role="img" aria-labelledby="ibal-title ibal-desc" font-family="Marianne, Arial, Helvetica, sans-serif">`,
    `<title id="ibal-title">${escapeXml(title)}</title>`,
    `<desc id="ibal-desc">${escapeXml(badgeDescription(r))}</desc>`,
    `<rect x="1" y="1" width="338" height="158" rx="12" fill="#ffffff" stroke="#0b5394" stroke-width="2"/>`,
    `<text x="20" y="26" font-size="14" font-weight="700" fill="#0b5394">${escapeXml(title)}</text>`,
    columns,
    `<text x="20" y="128" font-size="11" fill="#333">Calculé sur ${escapeXml(formatCoverage(r.coverage))} des achats localisés${org ? ` · ${org}` : ''}</text>`,
    `<text x="20" y="146" font-size="10" fill="#555">Relocalisons · méthode ${escapeXml(`${r.method.id} ${r.method.version}`)}</text>`,
    `</svg>`,
  ].join('');
  return ok(svg);
}

export interface IbalBadge {
  svg: string;
  /** The accessible text (the SVG's <desc>; also an alt text). */
  text: string;
}

/** The badge and its text, or null while it is refused (the reason is in result.badge.reason). */
export function ibalBadge(r: IbalResult, options: BadgeOptions = {}): IbalBadge | null {
  const svg = badgeSvg(r, options);
  return svg.ok ? { svg: svg.value, text: badgeDescription(r) } : null;
}
