// core/ibal: located spend → Indice breton de l'achat local, its breakdowns and the badge.
export type * from './types.ts';
export { ibalZones } from './types.ts';
export * from './compute.ts';
export * from './badge.ts';
