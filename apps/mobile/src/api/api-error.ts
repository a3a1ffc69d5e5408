// The gateway answers every failure with application/problem+json (RFC 9457). Screens branch on
// `status` and `code` and show `errors[]` next to the matching fields, so this is the one error type
// the app handles; fetch failures and malformed answers are mapped onto it too.

export interface FieldError {
  path: string;
  message: string;
}

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

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/** Builds the error from a non-2xx response; proxies may answer with HTML or nothing, which must not throw here. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: keep the defaults derived from the status alone.
  }
  const title = stringField(body, 'title') ?? `HTTP ${response.status}`;
  const init: ApiErrorInit = {
    status: response.status,
    code: stringField(body, 'code') ?? `HTTP_${response.status}`,
    title,
    detail: stringField(body, 'detail') ?? title,
    errors: fieldErrors(body.errors),
  };
  const correlationId = stringField(body, 'correlationId');
  if (correlationId !== undefined) init.correlationId = correlationId;
  return new ApiError(init);
}
