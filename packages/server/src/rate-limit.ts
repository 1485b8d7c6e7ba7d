import type {Context, MiddlewareHandler} from 'hono';
import {routePath} from 'hono/route';
import type {AppEnv, LimitStore, Taken} from './env.js';
import {ApiProblem} from './problems.js';

interface Bucket {
  tokens: number;
  at: number;
}

export type {LimitStore, Taken};

/**
 * A token bucket per client: `perMinute` requests at once, then one every `60 / perMinute` s.
 * A France Services agent registering people one after the other never waits; a script does.
 * In memory, so per process: what PGlite (one process) uses; on PostgreSQL, SharedLimits (rate-limit-shared.ts).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  take(client: string): Taken {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(client) ?? {tokens: this.perMinute, at: now};
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return {ok: true};
    }
    return {ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000))};
  }

  /** Forgets clients whose bucket is full again, so the map does not grow with every address ever seen. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(client);
    }
  }
}

/** One client per IPv4 address, per IPv6 /64 (what one home or phone gets), IPv4-mapped IPv6 as IPv4. */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address: the socket's peer, or, behind `trustProxy` reverse proxies, the entry of
 * X-Forwarded-For that the outermost trusted proxy wrote (entries before it are the client's own say).
 */
export function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const seen = hops[hops.length - trustProxy];
    if (seen) return seen;
  }
  const env = c.env as {incoming?: {socket?: {remoteAddress?: string}}} | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * 429 problem+json with Retry-After once a client has used its share; `perMinute` 0 turns it off.
 * Each route's budget is its own (`scope`, by default the route's path). When the app shares its
 * buckets (context variable `limits`, set on PostgreSQL) they hold across servers; otherwise they
 * live in this process.
 */
export function rateLimit(options: {perMinute: number; trustProxy: number; now?: () => number; scope?: string}): MiddlewareHandler<AppEnv> {
  if (options.perMinute <= 0) return (_c, next) => next();
  const limiter = new RateLimiter(options.perMinute, options.now);
  let scope = options.scope;
  return async (c, next) => {
    const client = clientKey(clientAddress(c, options.trustProxy));
    const shared = c.get('limits');
    const taken = shared ? await shared.take((scope ??= routePath(c)), client, options.perMinute) : limiter.take(client);
    if (!taken.ok) {
      const phone = c.get('territory').phone;
      throw new ApiProblem(429, 'rate_limited', 'Trop de demandes', {
        detail: `Trop de formulaires envoyés depuis cette adresse. Réessayez dans ${taken.retryAfterSeconds} s, ou appelez le ${phone}.`,
        headers: {'Retry-After': String(taken.retryAfterSeconds)},
      });
    }
    await next();
  };
}
