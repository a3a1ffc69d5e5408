import type { paths } from '@msp/api-client';

// Shapes of the gateway's answers and request bodies, read from the generated OpenAPI types so the UI
// breaks at compile time when the contract changes.

type Operation<P extends keyof paths, M extends string> = M extends keyof paths[P] ? NonNullable<paths[P][M]> : never;

/** The JSON body of a successful answer (`status`) of `method path`. */
export type Answer<P extends keyof paths, M extends string, S extends number = 200> =
  Operation<P, M> extends { responses: infer R }
    ? S extends keyof R
      ? R[S] extends { content: { 'application/json': infer B } }
        ? B
        : never
      : never
    : never;

/** The JSON request body of `method path`. */
export type Body<P extends keyof paths, M extends string> =
  Operation<P, M> extends { requestBody?: infer RB }
    ? NonNullable<RB> extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never;

/** The query parameters of `method path`. */
export type Query<P extends keyof paths, M extends string> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a `{ items: [...] }` list answer. */
export type ItemOf<L> = L extends { items: ReadonlyArray<infer I> } ? I : never;
