// The four ways a use case refuses. Server actions turn them into a message for
// the form; route handlers into the HTTP status. Messages are shown to people:
// they say what is wrong and never carry a secret (no voter-ballot link, no token).

export class UseCaseError extends Error {
  constructor(
    message: string,
    public readonly status: 400 | 403 | 404 | 409 | 429,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Not signed in, or signed in as someone who may not do this. */
export class ForbiddenError extends UseCaseError {
  constructor(message = "You are not allowed to do this.") {
    super(message, 403);
  }
}

export class NotFoundError extends UseCaseError {
  constructor(message = "Not found.") {
    super(message, 404);
  }
}

/** The input is well-formed but breaks a rule (wrong phase, bad value, …). */
export class InvalidInputError extends UseCaseError {
  constructor(message: string) {
    super(message, 400);
  }
}

/** The request clashes with the current state (already voted, already tallied, …). */
export class ConflictError extends UseCaseError {
  constructor(message: string) {
    super(message, 409);
  }
}

export class RateLimitedError extends UseCaseError {
  constructor(message = "Too many attempts; wait a moment and try again.") {
    super(message, 429);
  }
}
