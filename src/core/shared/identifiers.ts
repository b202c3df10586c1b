// Branded identifiers with their checks (DESIGN.md §4): SIREN (9 digits) and SIRET
// (14 digits), both Luhn-checked; La Poste's establishments are the known exception.
import { err, ok, type Problem, type Result } from './result.ts';

declare const brand: unique symbol;
export type Siren = string & { readonly [brand]: 'Siren' };
export type Siret = string & { readonly [brand]: 'Siret' };

/** La Poste's SIREN: its SIRETs do not pass Luhn, they sum to a multiple of 5. */
export const LA_POSTE_SIREN = '356000000';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let s = 0;
  for (let i = 0; i < digits.length; i++) s += digits.charCodeAt(i) - 48;
  return s;
}

const clean = (raw: string) => raw.replace(/[\s.\u00a0-]/g, '');

export type IdentifierProblem = Problem<'format' | 'checksum'>;

export function parseSiren(raw: string): Result<Siren, IdentifierProblem> {
  const v = clean(raw);
  if (!/^\d{9}$/.test(v))
    return err({ code: 'format', message: `SIREN « ${raw} » invalide : 9 chiffres attendus.` });
  if (v !== LA_POSTE_SIREN && !luhnValid(v)) {
    return err({
      code: 'checksum',
      message: `SIREN « ${raw} » invalide : la clé de contrôle ne correspond pas.`,
    });
  }
  return ok(v as Siren);
}

export function parseSiret(raw: string): Result<Siret, IdentifierProblem> {
  const v = clean(raw);
  if (!/^\d{14}$/.test(v))
    return err({ code: 'format', message: `SIRET « ${raw} » invalide : 14 chiffres attendus.` });
  const valid = v.startsWith(LA_POSTE_SIREN) ? luhnValid(v) || digitSum(v) % 5 === 0 : luhnValid(v);
  if (!valid)
    return err({
      code: 'checksum',
      message: `SIRET « ${raw} » invalide : la clé de contrôle ne correspond pas.`,
    });
  return ok(v as Siret);
}

export const sirenOf = (siret: Siret): Siren => siret.slice(0, 9) as Siren;

/** Appends the Luhn check digit to a digit string (used by generators and tests). */
export function withLuhnDigit(digits: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return digits + d;
  throw new Error('unreachable');
}
