/**
 * API errors shaped like metav1.Status, and the text kubectl prints for them
 * (kubectl pkg/cmd/util/helpers.go: checkErr, StandardErrorMessage, MultilineError).
 */
export type StatusReason = 'Unauthorized' | 'Expired' | 'ServiceUnavailable' | 'UnsupportedMediaType' | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'MethodNotAllowed' | 'Forbidden' | 'InternalError' | 'RequestEntityTooLarge' | 'TooManyRequests';

export interface StatusCause {
  field: string;
  /** The cause's reason where the API server gives one (`DisruptionBudget` on a refused eviction). */
  reason?: string;
  /** Message without the field, e.g. `Required value`. */
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    readonly details: { kind?: string; name?: string; group?: string; causes?: StatusCause[] } = {},
  ) {
    super(message);
  }

  /** What kubectl prints on stderr for this error. */
  kubectlMessage(): string {
    if (this.reason === 'Invalid') {
      const { kind, name, causes = [] } = this.details;
      const head = kind || name ? `The ${kind} "${name}" is invalid` : 'The request is invalid';
      const seen = new Set<string>();
      const lines = causes.map((c) => `${c.field}: ${c.message}`).filter((l) => (seen.has(l) ? false : (seen.add(l), true)));
      // checkErr: with neither kind, name nor causes, the server's message follows.
      if (lines.length === 0) return !kind && !name && this.message ? `${head}: ${this.message}` : head;
      if (lines.length === 1) return `${head}: ${lines[0]}`;
      return `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
    }
    return `Error from server (${this.reason}): ${this.message}`;
  }
}

export function notFound(qualifiedResource: string, name: string): ApiError {
  return new ApiError('NotFound', 404, `${qualifiedResource} "${name}" not found`, { name });
}

export function alreadyExists(qualifiedResource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${qualifiedResource} "${name}" already exists`, { name });
}

export function conflict(qualifiedResource: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${qualifiedResource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name },
  );
}

/** errors.NewInvalid: the message names the kind with its group (`Deployment.apps "web" is invalid`), the details the bare kind. */
export function invalid(kind: string, name: string, causes: StatusCause[], group = ''): ApiError {
  const summary = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  return new ApiError('Invalid', 422, `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${summary}`, { kind, name, causes, ...(group ? { group } : {}) });
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', 400, message);
}

export function forbidden(message: string): ApiError {
  return new ApiError('Forbidden', 403, message);
}
