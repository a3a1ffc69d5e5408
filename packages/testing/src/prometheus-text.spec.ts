import { describe, expect, it } from 'vitest';
import { parsePrometheusText, samplesOf } from './prometheus-text.js';

describe('parsePrometheusText', () => {
  it('reads counters, labelled series and histograms', () => {
    const samples = parsePrometheusText(
      [
        '# HELP http_server_requests_total Requests.',
        '# TYPE http_server_requests_total counter',
        'http_server_requests_total{method="GET",route="/a/:id",status="200"} 3',
        '# TYPE lag_seconds histogram',
        'lag_seconds_bucket{le="0.1"} 1',
        'lag_seconds_bucket{le="+Inf"} 2',
        'lag_seconds_sum 0.4',
        'lag_seconds_count 2',
        '',
      ].join('\n'),
    );
    expect(samplesOf(samples, 'http_server_requests_total', { route: '/a/:id' })[0]?.value).toBe(3);
    expect(samplesOf(samples, 'lag_seconds_count')[0]?.value).toBe(2);
  });

  it('refuses what a scraper would refuse', () => {
    expect(() => parsePrometheusText('# TYPE a counter\na{b="c} 1')).toThrow(/bad labels|not a sample/);
    expect(() => parsePrometheusText('# TYPE a counter\na one')).toThrow(/not a number/);
    expect(() => parsePrometheusText('# TYPE a counter\n# TYPE a counter')).toThrow(/typed twice/);
    expect(() => parsePrometheusText('b 1')).toThrow(/without TYPE/);
  });
});
