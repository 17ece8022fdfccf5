/**
 * The part of autocannon's programmatic API the webhook benchmark uses (the package ships no types).
 * See node_modules/autocannon/README.md, "autocannon(opts[, cb])" and "Results".
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface RawRequest {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string | Buffer;
  }

  /** One connection's scratch space: set in setupRequest, read back in onResponse for the same request. */
  export type RequestContext = Record<string, unknown>;

  export interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Returns the request to send (a fresh body every time); a falsy value restarts the sequence. */
    setupRequest?: (request: RawRequest, context: RequestContext) => RawRequest | null;
    onResponse?: (status: number, body: string, context: RequestContext) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: RequestSpec[];
  }

  /** hdr-histogram-percentiles-obj: latency in ms, requests per 1-second sample. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
    total: number;
  }

  export interface Result {
    requests: Histogram;
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    start: Date;
    finish: Date;
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
