import { readProblem, type FieldProblem } from '@msp/api-client';

// The gateway answers every failure with application/problem+json (RFC 9457). Screens branch on
// `status` and `code` and show `errors[]` next to the matching fields, so this is the one error type
// the app handles; fetch failures and malformed answers are mapped onto it too.

export type FieldError = FieldProblem;

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  correlationId?: string;
}

/** Status used when no HTTP answer arrived at all (offline, DNS failure, refused connection). */
export const NETWORK_ERROR_STATUS = 0;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly correlationId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.correlationId = init.correlationId;
  }
}

export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ status: NETWORK_ERROR_STATUS, code: 'NETWORK_ERROR', title: 'Network error', detail });
}

export function invalidResponseError(status: number, detail: string): ApiError {
  return new ApiError({ status, code: 'INVALID_RESPONSE', title: 'Unexpected response', detail });
}

/**
 * Builds the error from a non-2xx answer and its body as the client read it (parsed JSON, or the raw
 * text when it was not JSON): proxies may answer with HTML or nothing, which must not throw here.
 */
export function problemError(status: number, body: unknown): ApiError {
  const problem = readProblem(body);
  const title = problem.title ?? `HTTP ${status}`;
  const init: ApiErrorInit = {
    status,
    code: problem.code ?? `HTTP_${status}`,
    title,
    detail: problem.detail ?? title,
    errors: problem.errors ?? [],
  };
  if (problem.correlationId !== undefined) init.correlationId = problem.correlationId;
  return new ApiError(init);
}
