// Exports of the measure: the supplier table as CSV, the badge as SVG and PNG. The
// numbers are those of core/ibal; nothing is recomputed here.
import type { IbalResult, IbalSupplierRow, LocationMethod } from '../../../core/ibal/index.ts';
import { zoneLabels } from '../../components/ibal/zones.ts';
import { toCsv } from './csv-export.ts';

const methodLabels: Record<LocationMethod, string> = {
  siret: 'SIRET',
  siren: 'SIREN',
  'postal-code': 'Code postal',
  commune: 'Commune',
  country: 'Pays',
  name: 'Nom (annuaire)',
  'legal-form': 'Forme juridique',
  currency: 'Devise',
  user: 'Votre réponse',
};

const statusLabels: Record<IbalSupplierRow['status'], string> = {
  located: 'Localisé',
  proposed: 'Proposition à confirmer',
  ignored: 'Ignoré',
  unlocated: 'Non localisé',
};

export function methodLabel(method: LocationMethod | null): string {
  return method ? methodLabels[method] : '—';
}

export function statusLabel(status: IbalSupplierRow['status']): string {
  return statusLabels[status];
}

/** The supplier table, one row per supplier or group of unattributed purchases. */
export function supplierTableCsv(result: IbalResult): string {
  return toCsv(
    [
      'Fournisseur',
      'Clé',
      'Type',
      'Montant HT (€)',
      'Zone',
      'Département',
      'Pays',
      'Statut',
      'Méthode de localisation',
      'Confiance (%)',
      'Justification',
    ],
    result.bySupplier.map((r) => [
      r.name,
      r.key,
      r.kind === 'supplier' ? 'Fournisseur' : 'Achats non attribués',
      { cents: r.amountCents },
      r.zone ? zoneLabels[r.zone] : zoneLabels.unlocated,
      r.department,
      r.country,
      statusLabels[r.status],
      methodLabel(r.method),
      { number: r.confidence * 100, digits: 0 },
      r.evidence,
    ]),
  );
}

export function exportFileName(base: string, ext: string, result: IbalResult): string {
  return `${base}${result.year ? `-${result.year}` : ''}.${ext}`;
}

/** Offers a text or blob to download under a file name. */
export function download(content: Blob | string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Rasterises the badge SVG on a canvas (scale 2 for sharp prints) and returns a PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image();
  image.decoding = 'async';
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("L'image du badge n'a pas pu être préparée."));
  });
  image.src = svgDataUrl(svg);
  await loaded;
  const width = image.naturalWidth || 400;
  const height = image.naturalHeight || 200;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error("Votre navigateur ne permet pas de produire l'image PNG ; utilisez le SVG.");
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Conversion PNG impossible.'))), 'image/png'),
  );
}
