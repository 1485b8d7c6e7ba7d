import type {Context, MiddlewareHandler} from 'hono';
import {routePath} from 'hono/route';
import {runPrepared, type Db} from './db/index.js';
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
 * In memory, so per process: what PGlite (one process) uses; on PostgreSQL, SharedLimits.
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

/** The bucket refilled up to now (the database's clock: servers' clocks may disagree). */
const REFILLED = 'least($3::float8, r.tokens + greatest(0, extract(epoch from now() - r.at)) * $3::float8 / 60)';

// one statement, so two servers taking from one bucket queue on its row and never both get the last token
const TAKE = `insert into rate_limits as r (scope, client, tokens, granted, at) values ($1, $2, $3::float8 - 1, true, now())
  on conflict (scope, client) do update set
    tokens = case when ${REFILLED} >= 1 then ${REFILLED} - 1 else ${REFILLED} end,
    granted = ${REFILLED} >= 1,
    at = now()
  returning tokens, granted`;

/**
 * The same token buckets as RateLimiter, in the `rate_limits` table (migration 070) rather than
 * in memory, so N servers behind one proxy allow `perMinute` in all, not N times it. A
 * hand-written upsert rather than rate-limiter-flexible's PostgreSQL store: that one counts in
 * fixed windows (twice the budget across a window's edge, unlike the in-process bucket), creates
 * its table at run time (N servers racing on DDL, a role allowed to create tables) and cleans
 * with its own timers; here the table comes with the migrations and one statement does it all.
 */
export class SharedLimits implements LimitStore {
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async take(scope: string, client: string, perMinute: number): Promise<Taken> {
    this.sweep();
    const [row] = await runPrepared(this.db, 'rate_limit_take', TAKE, [scope, client, perMinute]);
    if (row?.granted === 't' || row?.granted === 'true') return {ok: true};
    const tokens = Number(row?.tokens ?? 0);
    return {ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * 60) / perMinute))};
  }

  /** A bucket untouched for a minute is full again: its row can go. At most once a minute per server. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    this.db.query("delete from rate_limits where at < now() - interval '2 minutes'").catch((error: unknown) => {
      console.error('nettoyage des limites de débit :', (error as Error).message);
    });
  }
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
