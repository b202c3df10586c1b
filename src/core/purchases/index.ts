// core/purchases: FEC entries (or a supplier list) → net purchase spend per supplier and category.
export type * from './types.ts';
export * from './categories.ts';
export * from './account-set.ts';
export * from './aggregate.ts';
export { labelGroupKey } from './labels.ts';
export { fecExcerpt } from './fec-excerpt.ts';
