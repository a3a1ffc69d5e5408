/** One sample of a Prometheus text exposition: `name{labels} value`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const HELP = new RegExp(`^# HELP (${NAME}) .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;

/**
 * Parses the Prometheus text format (0.0.4) strictly enough to catch what a scraper would refuse: a
 * malformed line, a label list that does not parse, a value that is not a number, a metric typed twice
 * or a sample of an untyped family. Returns the samples.
 */
export function parsePrometheusText(text: string): PrometheusSample[] {
  const typed = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const fail = (why: string) => new Error(`metrics line ${index + 1}: ${why}: ${line}`);
    if (line === '' || (line.startsWith('#') && !line.startsWith('# HELP') && !line.startsWith('# TYPE'))) continue;
    if (line.startsWith('# HELP')) {
      if (!HELP.test(line)) throw fail('bad HELP');
      continue;
    }
    const type = TYPE.exec(line);
    if (line.startsWith('# TYPE')) {
      if (!type) throw fail('bad TYPE');
      if (typed.has(type[1]!)) throw fail('metric typed twice');
      typed.set(type[1]!, type[2]!);
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw fail('not a sample');
    const [, name, rawLabels, rawValue] = sample as unknown as [string, string, string | undefined, string];
    const family = typed.has(name) ? name : name.replace(/_(?:bucket|sum|count|total|created)$/, '');
    if (!typed.has(family) && !typed.has(name)) throw fail('sample of a metric without TYPE');
    const value = rawValue === '+Inf' ? Infinity : rawValue === '-Inf' ? -Infinity : Number(rawValue);
    if (Number.isNaN(value) && rawValue !== 'NaN') throw fail('value is not a number');
    samples.push({ name, labels: parseLabels(rawLabels ?? '', fail), value });
  }
  return samples;
}

function parseLabels(raw: string, fail: (why: string) => Error): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < raw.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(raw);
    if (!match || match.index !== start) throw fail('bad labels');
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/** The samples of one metric whose labels include `labels`. */
export function samplesOf(samples: PrometheusSample[], name: string, labels: Record<string, string> = {}): PrometheusSample[] {
  return samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}
