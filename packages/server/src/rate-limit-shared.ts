import {runPrepared, type Db} from './db/index.js';
import type {LimitStore, Taken} from './env.js';

/** The bucket refilled up to now (the database's clock: servers' clocks may disagree). */
const REFILLED = 'least($3::float8, r.tokens + greatest(0, extract(epoch from now() - r.at)) * $3::float8 / 60)';

/**
 * Takes up to $4 tokens from one bucket in one statement, so two servers taking from it queue on
 * its row and never both get the last token; `granted` says how many it got.
 */
const TAKE = `insert into rate_limits as r (scope, client, tokens, granted, at)
  values ($1, $2, $3::float8 - least($4::float8, floor($3::float8)), least($4::float8, floor($3::float8))::int, now())
  on conflict (scope, client) do update set
    tokens = ${REFILLED} - least($4::float8, floor(${REFILLED})),
    granted = least($4::float8, floor(${REFILLED}))::int,
    at = now()
  returning tokens, granted`;

interface Waiting {
  resolve(taken: Taken): void;
  reject(error: unknown): void;
}

interface Bucket {
  scope: string;
  client: string;
  perMinute: number;
  queue: Waiting[];
}

/**
 * The same token buckets as RateLimiter, in the `rate_limits` table (migration 070) rather than
 * in memory, so N servers behind one proxy allow `perMinute` in all, not N times it. A
 * hand-written upsert rather than rate-limiter-flexible's PostgreSQL store: that one counts in
 * fixed windows (twice the budget across a window's edge, unlike the in-process bucket), creates
 * its table at run time (N servers racing on DDL, a role allowed to create tables) and cleans
 * with its own timers; here the table comes with the migrations and one statement does it all.
 *
 * Takes from one client that arrive while its statement runs wait and then go together, as the
 * intake writer's group commit does: one statement per client and turn, not one per request.
 */
export class SharedLimits implements LimitStore {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  take(scope: string, client: string, perMinute: number): Promise<Taken> {
    this.sweep();
    const key = `${scope}\n${client}`;
    return new Promise<Taken>((resolve, reject) => {
      const running = this.buckets.get(key);
      if (running) return void running.queue.push({resolve, reject});
      const bucket: Bucket = {scope, client, perMinute, queue: [{resolve, reject}]};
      this.buckets.set(key, bucket);
      // the takes that already arrived in this turn join this statement
      setImmediate(() => void this.drain(key, bucket));
    });
  }

  private async drain(key: string, bucket: Bucket): Promise<void> {
    try {
      while (bucket.queue.length > 0) await this.takeMany(bucket, bucket.queue.splice(0));
    } finally {
      this.buckets.delete(key);
    }
  }

  private async takeMany(bucket: Bucket, waiting: Waiting[]): Promise<void> {
    try {
      const [row] = await runPrepared(this.db, 'rate_limit_take', TAKE, [bucket.scope, bucket.client, bucket.perMinute, waiting.length]);
      const granted = Number(row?.granted ?? 0);
      const retryAfterSeconds = Math.max(1, Math.ceil(((1 - Number(row?.tokens ?? 0)) * 60) / bucket.perMinute));
      waiting.forEach((w, i) => w.resolve(i < granted ? {ok: true} : {ok: false, retryAfterSeconds}));
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
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
