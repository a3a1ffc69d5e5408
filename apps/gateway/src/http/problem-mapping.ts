import { HttpException } from '@nestjs/common';
import { httpStatusOf, RemoteCallError, type FieldProblem } from '@msp/platform';
import { ProblemException, titleOf, ValidationError } from './problem.js';

export interface MappedProblem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldProblem[];
  headers?: Record<string, string>;
  /** A server-side fault: logged with the correlation id; the client only sees a generic detail. */
  fault: boolean;
}

type GrpcStatus = Parameters<typeof httpStatusOf>[0];

/**
 * Codes for failed calls that carry no error code, by gRPC status number (stable across
 * implementations); named like the gateway's own codes where the meaning is the same.
 */
const GRPC_STATUS_CODES: Record<number, string> = {
  1: 'CANCELLED',
  2: 'INTERNAL', // UNKNOWN: a server fault we cannot describe
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'FORBIDDEN', // PERMISSION_DENIED
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  11: 'OUT_OF_RANGE',
  12: 'NOT_IMPLEMENTED', // UNIMPLEMENTED
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  15: 'INTERNAL', // DATA_LOSS
  16: 'UNAUTHENTICATED',
};

const SERVER_DETAILS: Record<number, string> = {
  501: 'This operation is not available.',
  503: 'A backend service is temporarily unavailable. Try again later.',
  504: 'A backend service did not answer in time. Try again later.',
};
/**
 * Retry-After of a throttled call whose service did not say how long: one default rate-limit window,
 * long enough that a client honouring it does not retry into the same limit.
 */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

const GENERIC_SERVER_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

const CLIENT_DETAILS: Record<number, [code: string, detail: string]> = {
  400: ['BAD_REQUEST', 'The request could not be understood.'],
  404: ['NOT_FOUND', 'There is no resource at this path.'],
  405: ['METHOD_NOT_ALLOWED', 'This method is not allowed on this path.'],
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Send request bodies as application/json.'],
};

/** Every error the gateway can meet, as one problem: the single place errors become HTTP answers. */
export function mapError(error: unknown): MappedProblem {
  if (error instanceof ValidationError) {
    return { status: 400, code: 'VALIDATION_FAILED', detail: 'The request has invalid fields.', errors: error.errors, fault: false };
  }
  if (error instanceof ProblemException) {
    return { status: error.status, code: error.code, detail: error.detail, headers: error.headers, fault: error.status >= 500 };
  }
  if (error instanceof RemoteCallError) return mapRemoteError(error);
  const status = clientStatusOf(error);
  if (status !== undefined) return mapClientError(status, error);
  return { status: 500, code: 'INTERNAL', detail: GENERIC_SERVER_DETAIL, fault: true };
}

/** A failed gRPC call: the service's status decides the HTTP status, its trailer the code. */
function mapRemoteError(error: RemoteCallError): MappedProblem {
  const status = httpStatusOf(error.status as GrpcStatus) ?? 500;
  const fallbackCode = GRPC_STATUS_CODES[error.status] ?? 'INTERNAL';
  if (status >= 500) {
    // Details of a failing backend (hosts, stack fragments) stay in the logs.
    const code = status === 500 ? 'INTERNAL' : (error.code ?? fallbackCode);
    return { status, code, detail: SERVER_DETAILS[status] ?? GENERIC_SERVER_DETAIL, fault: true };
  }
  // 4xx details come from the service's domain errors, which are written for clients.
  const mapped: MappedProblem = {
    status,
    code: error.code ?? fallbackCode,
    detail: error.details || titleOf(status),
    fault: false,
  };
  if (error.fields.length > 0) mapped.errors = error.fields;
  if (status === 401) mapped.headers = { 'www-authenticate': 'Bearer' };
  // API.md: every 429 says when to come back; the service knows (lockout, progressive delay).
  if (status === 429) mapped.headers = { 'retry-after': String(Math.ceil(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS)) };
  return mapped;
}

/** 4xx raised by Nest or Fastify (unknown route, body parser, size limit) before our code runs. */
function clientStatusOf(error: unknown): number | undefined {
  const status = error instanceof HttpException ? error.getStatus() : statusCodeOf(error);
  return status !== undefined && status >= 400 && status < 500 ? status : undefined;
}

function mapClientError(status: number, error: unknown): MappedProblem {
  if (status === 400 && isBodyParseError(error)) {
    // Like every 400, it names what to fix: here the body as a whole.
    const message = isPrototypePoisoning(error) ? 'must not contain __proto__ or constructor.prototype keys' : 'must be valid JSON';
    return {
      status,
      code: 'MALFORMED_JSON',
      detail: 'The request body is not valid JSON.',
      errors: [{ path: 'body', message }],
      fault: false,
    };
  }
  const [code, detail] = CLIENT_DETAILS[status] ?? [codeOfStatus(status), titleOf(status)];
  return { status, code, detail, fault: false };
}

/**
 * Fastify's JSON parser fails with a SyntaxError carrying statusCode 400 (invalid JSON) or a
 * FST_ERR_CTP_* error (e.g. an empty body sent as application/json); Nest may wrap either.
 */
function isBodyParseError(error: unknown): boolean {
  const cause = error instanceof HttpException ? error.cause : error;
  if (cause instanceof SyntaxError) return true;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('FST_ERR_CTP_');
}

/** The JSON parser refuses keys that could change an object's prototype (secure-json-parse). */
function isPrototypePoisoning(error: unknown): boolean {
  const cause = error instanceof HttpException ? error.cause : error;
  return cause instanceof SyntaxError && cause.message.includes('forbidden prototype property');
}

function statusCodeOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const statusCode = (error as Error & { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function codeOfStatus(status: number): string {
  return titleOf(status)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}
