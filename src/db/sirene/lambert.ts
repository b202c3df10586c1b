// Lambert-93 (EPSG:2154, the projection of SIRENE's coordonneeLambert… columns in metropolitan
// France) → WGS84 latitude/longitude. Inverse Lambert conformal conic on the GRS80 ellipsoid,
// constants of IGN's note NTG_71 (« Projection cartographique conique conforme de Lambert »).

const n = 0.725607765053267;
const C = 11754255.426096;
const xs = 700000;
const ys = 12655612.049876;
const e = 0.0818191910428158; // GRS80 first eccentricity
const lon0 = (3 * Math.PI) / 180;

export function lambert93ToWgs84(x: number, y: number): { lat: number; lon: number } {
  const dx = x - xs;
  const dy = y - ys;
  const r = Math.sqrt(dx * dx + dy * dy);
  const gamma = Math.atan(dx / -dy);
  const lon = lon0 + gamma / n;
  const latIso = -Math.log(Math.abs(r / C)) / n;
  let phi = 2 * Math.atan(Math.exp(latIso)) - Math.PI / 2;
  for (let i = 0; i < 12; i++) {
    const s = e * Math.sin(phi);
    const next = 2 * Math.atan(Math.pow((1 + s) / (1 - s), e / 2) * Math.exp(latIso)) - Math.PI / 2;
    if (Math.abs(next - phi) < 1e-12) {
      phi = next;
      break;
    }
    phi = next;
  }
  return { lat: (phi * 180) / Math.PI, lon: (lon * 180) / Math.PI };
}

/** Metropolitan France's Lambert-93 extent (with a margin): other values are another projection. */
export function isLambert93(x: number, y: number): boolean {
  return x > 0 && x < 1_300_000 && y > 6_000_000 && y < 7_200_000;
}
