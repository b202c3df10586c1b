export * from './result.ts';
export * from './money.ts';
export * from './identifiers.ts';
