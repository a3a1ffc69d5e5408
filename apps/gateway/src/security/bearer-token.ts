const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i;

/** The token of an `Authorization: Bearer …` header; undefined when absent or malformed. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}
