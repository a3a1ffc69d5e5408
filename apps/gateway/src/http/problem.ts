import { STATUS_CODES } from 'node:http';
import type { FieldProblem } from '@msp/platform';
import { z } from 'zod';

/** RFC 9457 problem details as this API sends them; also the `Problem` schema of the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem; `about:blank` for plain HTTP errors'),
    title: z.string().describe('The HTTP status text'),
    status: z.number().int(),
    detail: z.string().describe('A human-readable explanation of this occurrence'),
    code: z.string().describe('Stable machine-readable code, e.g. `EMAIL_TAKEN`'),
    correlationId: z.string().describe('Also sent as `X-Request-Id`; quote it when reporting a problem'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field problems of a 400/422; `path` names the field, dots for nesting'),
  })
  .meta({ title: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

/**
 * An error the gateway itself answers with a specific status and code (authentication, authorization,
 * unknown resources). It is data for the problem filter, not an HTTP response in itself.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemException';
  }
}

/** Invalid request input; every field problem is reported at once so a client fixes them in one round. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldProblem[]) {
    super(`invalid input: ${errors.map((e) => e.path).join(', ')}`);
    this.name = 'ValidationError';
  }
}

export function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** `EMAIL_TAKEN` → `https://msp.dev/problems/email-taken`: one stable, documentable URI per code. */
export function problemTypeOf(code: string): string {
  return `https://msp.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
