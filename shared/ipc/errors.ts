// The error type services throw for the user and the code of a system error (shared, pure, dependency-free so that small Node processes such as
// the atomic writer do not load the whole contract and zod).

/** An error a service throws when it has a message for the user; anything else is reported as an internal error. */
export class UserFacingError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** The system error code of a failed file operation (`ENOENT`, `EACCES` …), or undefined for any other value. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}
