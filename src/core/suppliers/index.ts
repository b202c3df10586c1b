// core/suppliers: name normalisation and matching, country hints, locating suppliers.
export type * from './types.ts';
