// Draws a chart scene as vectors into a jsPDF document (the PDF dossier), so charts
// stay sharp when printed. Only a type is imported from jspdf: the library itself is
// loaded lazily by the page that builds the PDF.
import type { jsPDF } from 'jspdf';
import type { Scene } from './scene.ts';
import { pdfSafeText } from './pdf-text.ts';

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const n = parseInt(h.length === 3 ? [...h].map((c) => c + c).join('') : h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Mixes a colour with white (a light fill standing for SVG's fill-opacity). */
function tint(hex: string, opacity: number): [number, number, number] {
  const [r, g, b] = rgb(hex);
  return [r, g, b].map((c) => Math.round(255 - (255 - c) * opacity)) as [number, number, number];
}

/**
 * Draws `scene` with its top-left corner at (x, y), scaled to `width` (document units).
 * Returns the height used.
 */
export function drawSceneToPdf(doc: jsPDF, scene: Scene, x: number, y: number, width: number): number {
  const k = width / scene.width;
  const X = (v: number) => x + v * k;
  const Y = (v: number) => y + v * k;
  for (const s of scene.shapes) {
    switch (s.kind) {
      case 'rect': {
        doc.setFillColor(...rgb(s.fill));
        doc.rect(X(s.x), Y(s.y), s.width * k, s.height * k, 'F');
        if (s.hatch) {
          doc.setDrawColor(255, 255, 255);
          doc.setLineWidth(0.9 * k);
          doc.setLineDashPattern([], 0);
          // Diagonal hatching clipped to the rectangle by computing each segment's ends.
          for (let c = s.x - s.height; c < s.x + s.width; c += 6) {
            const x0 = Math.max(s.x, c);
            const y0 = s.y + s.height - (x0 - c);
            const x1 = Math.min(s.x + s.width, c + s.height);
            const y1 = s.y + s.height - (x1 - c);
            if (x1 > x0) doc.line(X(x0), Y(y0), X(x1), Y(y1));
          }
        }
        break;
      }
      case 'line':
        doc.setDrawColor(...rgb(s.stroke));
        doc.setLineWidth((s.width ?? 1) * k);
        doc.setLineDashPattern(
          (s.dash ?? []).map((d) => d * k),
          0,
        );
        doc.line(X(s.x1), Y(s.y1), X(s.x2), Y(s.y2));
        break;
      case 'path': {
        const pts = s.points;
        if (pts.length < 2) break;
        const first = pts[0]!;
        const segs = pts.slice(1).map((p, i) => [(p[0] - pts[i]![0]) * k, (p[1] - pts[i]![1]) * k]);
        if (s.fill) {
          doc.setFillColor(...tint(s.fill, s.fillOpacity ?? 1));
          doc.setLineDashPattern([], 0);
          doc.lines(segs, X(first[0]), Y(first[1]), [1, 1], 'F', true);
        }
        doc.setDrawColor(...rgb(s.stroke));
        doc.setLineWidth((s.width ?? 1) * k);
        doc.setLineDashPattern(
          (s.dash ?? []).map((d) => d * k),
          0,
        );
        doc.lines(segs, X(first[0]), Y(first[1]), [1, 1], 'S', false);
        break;
      }
      case 'circle':
        doc.setFillColor(...rgb(s.fill));
        doc.circle(X(s.cx), Y(s.cy), s.r * k, 'F');
        break;
      case 'text':
        doc.setFont('helvetica', s.bold ? 'bold' : 'normal');
        // Scene sizes are in SVG pixels; PDF font sizes are points (scaleFactor = points per unit).
        doc.setFontSize((s.size ?? 12) * k * doc.internal.scaleFactor);
        doc.setTextColor(...rgb(s.fill ?? '#1b1f24'));
        doc.text(pdfSafeText(s.text), X(s.x), Y(s.y), {
          align: s.anchor === 'end' ? 'right' : s.anchor === 'middle' ? 'center' : 'left',
        });
        break;
    }
  }
  doc.setLineDashPattern([], 0);
  return scene.height * k;
}
