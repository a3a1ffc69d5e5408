export interface LoadRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The status of an admitted answer (default 200). */
  expectStatus?: number;
}
export interface LoadSummary {
  answered: number;
  admitted: number;
  admittedPerSec: number;
  shed: number;
  shedRatio: number;
  shedWithoutRetryAfter: number;
  failed: number;
  failures: Record<string, number>;
  skipped: number;
  p50: number;
  p99: number;
  max: number;
}
type RequestSource = LoadRequest | ((index: number) => LoadRequest);
export declare function openLoop(options: {
  request: RequestSource;
  ratePerSecond: number;
  seconds: number;
  /** Kept-alive connections the requests share (default 1000). */
  connections?: number;
  maxOutstanding?: number;
  windowSeconds?: number;
  onWindow?: (window: LoadSummary) => void;
}): Promise<LoadSummary>;
export declare function closedLoop(options: { request: RequestSource; connections: number; seconds: number }): Promise<LoadSummary>;
export declare function summarize(tally: unknown, seconds: number): LoadSummary;
