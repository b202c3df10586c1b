/** Errors are values in the domain: a parser returns a Result, it does not throw. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** A problem a person can act on: a stable code for programs and a French message. */
export interface Problem<C extends string = string> {
  code: C;
  message: string;
}
