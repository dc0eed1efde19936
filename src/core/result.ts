// Errors are values: a code for programs, a message a newsroom user can act on.

export interface UserError {
  code: string;
  message: string;
  /** What to do about it, when we know. */
  hint?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string, hint?: string): Result<T> => ({
  ok: false,
  error: hint === undefined ? { code, message } : { code, message, hint },
});

export const formatError = (e: UserError): string => (e.hint ? `${e.message} (${e.hint})` : e.message);
