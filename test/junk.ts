import fc from 'fast-check';

/**
 * Arbitraries for what a careless or hostile client sends: JSON of every shape as *text* (so it can
 * hold numbers `JSON.stringify` cannot write, like `1e400`), path segments and header values.
 */

/** Strings that have broken parsers, databases and renderers before. */
const trickyStrings = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\ud800',
  '\udfff lone surrogates \ud83d',
  '\u202eRTL override',
  '\ufeffBOM',
  'e\u0301\u0301\u0301',
  '🙂👨‍👩‍👧‍👦',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '0000-01-01',
  '2024-02-30',
  '9999-12-31',
  '99999-01-01',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "'; drop table projects; --",
  '%s%n%x',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  'OWNER',
  'in_progress ',
];

/** Numbers at and beyond the edges of IEEE doubles and of 32-bit integers, as JSON text. */
const edgeNumbers = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '0.0',
  '0.5',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '123456789012345678901234567890',
  '1.7976931348623157e308',
];

export const junkString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...trickyStrings) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  // Over-long: past every limit the API has (names 100, titles 200, comments 10 000, descriptions 20 000).
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 101, max: 25_000 }), fc.constantFrom('x', 'é', '🙂', ' ')).map(([n, c]) => c.repeat(n)),
  },
);

const junkNumberText = fc.oneof(
  fc.constantFrom(...edgeNumbers),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
);

/** Any JSON value as text, nested a little: the junk a field gets. */
export const junkValueText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: junkString.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: junkNumberText },
    { weight: 1, arbitrary: fc.constantFrom('null', 'true', 'false', '{}', '[]') },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`) },
    { weight: 1, arbitrary: objectText(junkString, tie('value')) },
  ),
})).value;

/** A JSON object as text with the given keys and value texts (keys unique, so none shadows another). */
export function objectText(key: fc.Arbitrary<string>, value: fc.Arbitrary<string>, maxKeys = 4): fc.Arbitrary<string> {
  return fc
    .uniqueArray(fc.tuple(key, value), { maxLength: maxKeys, selector: ([name]) => name })
    .map((entries) => `{${entries.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`);
}

export interface JunkBody {
  /** The JSON text sent, or undefined for no body at all. */
  text: string | undefined;
  /** Top-level keys the endpoint does not know: each must come back as a field problem. */
  unknownKeys: string[];
}

/**
 * A body for an endpoint with these fields: mostly a valid body with a few fields changed to tricky
 * strings or junk and unknown keys added (so requests get past the first check to the deeper ones),
 * sometimes an object of anything, a JSON value that is no object, or no body at all.
 */
export function junkBody(fields: string[], valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<JunkBody> {
  const key = fc.oneof(
    { weight: 3, arbitrary: fields.length > 0 ? fc.constantFrom(...fields) : junkString },
    { weight: 1, arbitrary: junkString },
  );
  const value = fc.oneof({ weight: 2, arbitrary: junkString.map((text) => JSON.stringify(text)) }, { weight: 1, arbitrary: junkValueText });
  const bodyOf = (entries: Array<readonly [string, string]>): JunkBody => ({
    text: `{${entries.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`,
    unknownKeys: entries.map(([name]) => name).filter((name) => !fields.includes(name)),
  });
  const changedValid = fc
    .tuple(valid, fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 3, selector: ([name]) => name }))
    .map(([base, changes]) => {
      const entries = new Map(Object.entries(base).map(([name, item]) => [name, JSON.stringify(item)]));
      for (const [name, text] of changes) entries.set(name, text);
      return bodyOf([...entries]);
    });
  const anyObject = fc.uniqueArray(fc.tuple(key, value), { maxLength: fields.length + 2, selector: ([name]) => name }).map(bodyOf);
  return fc.oneof(
    { weight: 6, arbitrary: changedValid },
    { weight: 2, arbitrary: anyObject },
    { weight: 1, arbitrary: junkValueText.map((text): JunkBody => ({ text, unknownKeys: [] })) },
    { weight: 1, arbitrary: fc.constant<JunkBody>({ text: undefined, unknownKeys: [] }) },
  );
}

/** A path id: the real one most of the time, else an unknown id or junk (percent-encoded). */
export type JunkId = { kind: 'real' } | { kind: 'upper-case' } | { kind: 'other'; segment: string };

const encodeSegment = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));

export const junkId: fc.Arbitrary<JunkId> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'real' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'upper-case' as const }) },
  { weight: 1, arbitrary: fc.uuid().map((id) => ({ kind: 'other' as const, segment: id })) },
  { weight: 2, arbitrary: junkString.map((value) => ({ kind: 'other' as const, segment: encodeSegment(value) })) },
);

export function segmentOf(id: JunkId, real: string): string {
  return id.kind === 'real' ? real : id.kind === 'upper-case' ? real.toUpperCase() : id.segment;
}

/** A header value a client could send: visible ASCII and Latin-1, no line breaks (HTTP itself forbids those). */
export const junkHeaderValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 10 }),
  fc.constantFrom('*', 'W/"1"', '"1", "2"', '""', '"-1"', '"99999999999"', '1e3', 'x'.repeat(300), '"1'),
);
