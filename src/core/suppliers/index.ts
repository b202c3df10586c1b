// core/suppliers: name normalisation and matching, country hints, locating suppliers.
export type * from './types.ts';
export * from './normalise.ts';
export * from './hints.ts';
export * from './locate.ts';
export * from './name-evidence.ts';
export { legalForms, currencyCountries, type LegalForm } from './legal-forms.ts';
export * from './supplier-list.ts';
