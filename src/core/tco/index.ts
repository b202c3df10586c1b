// Public entry of core/tco: the TCO model of ../shared/TCO-MODEL.md.
export * from './types.ts';
export * from './quantities.ts';
