import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** A bounded load on a loopback URL: fixed duration, fixed connections. */
export async function load(name: string, url: string, options: {duration?: number; connections?: number; headers?: Record<string, string>} = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 20,
    duration: options.duration ?? 5,
    headers: options.headers ?? {},
  });
  const expected304 = options.headers?.['if-none-match'] !== undefined;
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    // a 304 is the expected answer to a conditional GET
    non2xx: expected304 ? result.non2xx - (result['3xx'] ?? 0) : result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
