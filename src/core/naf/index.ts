// Public API of the NAF rev. 2 context (French activity nomenclature).
export * from './naf.ts';
export { NAF_SECTIONS, type NafSectionDefinition } from './sections.ts';
