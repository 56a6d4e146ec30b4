// The error type services throw for the user (shared, pure, dependency-free so that small Node processes such as
// the atomic writer do not load the whole contract and zod).

/** An error a service throws when it has a message for the user; anything else is reported as an internal error. */
export class UserFacingError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
