import type {Keys} from './crypto.js';
import type {Db} from './db/index.js';
import {renderMessage} from './mail-messages.js';
import type {SendResult, Transport} from './mail-transport.js';
import {mailKey} from './mail-key.js';
import {isUnsubscribed, openRecipient, recipientHash, UNSUBSCRIBE_CATEGORY, unsubscribeToken, type MessageKind, type MessageLanguage} from './outbox.js';
import {runSchedule} from './outbox-schedule.js';

export interface RetryPolicy {
  /** First retry after this; each next one waits twice as long, up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** Attempts before a message is given up as failed. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = {baseMs: 60_000, capMs: 6 * 3_600_000, maxAttempts: 10};

export interface WorkerOptions {
  db: Db;
  keys: Keys;
  /** None: nothing is sent, messages wait as pending (and the coordinators' outbox says so). */
  transport?: Transport | undefined;
  /** Where links in messages point (the unsubscribe route): this server's public address. */
  publicUrl: string;
  retry?: RetryPolicy;
  /** How long a claimed row is held; past it another worker presumes this one dead and takes it. */
  leaseMs?: number;
  /** Idle wait between two looks at the outbox. */
  pollMs?: number;
  /** How often the digest and the reminders are looked for. */
  scheduleMs?: number;
  /** Test hook (CPTS_TEST_CRASH_MAIL): die just before or just after handing the first message to SMTP. */
  testCrash?: 'before-send' | 'after-send' | undefined;
}

interface Claimed {
  id: string;
  territory: string;
  kind: MessageKind;
  recipient_encrypted: string | null;
  language: MessageLanguage;
  data: Record<string, unknown> | string;
  message_id: string;
  attempts: number;
}

interface TerritoryMail {
  name: string;
  phone: string;
  email: string;
  website: string | null;
}

const BATCH = 10;

/**
 * Claims due rows and sends them. `for update skip locked` lets several servers on one PostgreSQL
 * share the outbox without two of them taking one row; the lease brings back a row whose worker
 * died between claiming and recording. Delivery is at least once: a crash after SMTP accepted a
 * message but before `sent` was recorded sends it again, with the same Message-ID.
 */
export const CLAIM_SQL = `
  update outbox set status = 'sending', attempts = attempts + 1, claimed_until = now() + make_interval(secs => $2::int / 1000.0)
   where id in (select id from outbox
                 where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now())
                 order by next_attempt_at limit $1 for update skip locked)
  returning id, territory, kind, recipient_encrypted, language, data, message_id, attempts`;

export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private lastSchedule = 0;
  private stopped: Promise<void> | undefined;
  /** Woken while busy: look again at once instead of waiting. */
  private woken = false;
  private crashArmed: boolean;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: WorkerOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.crashArmed = options.testCrash !== undefined;
  }

  get configured(): boolean {
    return this.options.transport !== undefined;
  }

  /**
   * PGlite's files belong to this one process: a row still `sending` at start-up was claimed by a
   * run that died, so it is due at once instead of after its lease.
   */
  async start(): Promise<void> {
    if (this.options.db.kind === 'pglite') await this.options.db.query(`update outbox set status = 'pending', claimed_until = null where status = 'sending'`);
    this.running = true;
    this.loop = this.run();
  }

  /** Looks at the outbox now instead of at the end of the idle wait (a form just wrote its receipt). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Lets the message in hand finish and be recorded, then returns. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.running = false;
      this.wakeUp?.();
      await this.loop;
      this.options.transport?.close();
    })();
    return this.stopped;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let sent = 0;
      try {
        if (Date.now() - this.lastSchedule >= (this.options.scheduleMs ?? 600_000)) {
          this.lastSchedule = Date.now();
          await runSchedule(this.options.db, this.options.keys, new Date());
        }
        sent = await this.sendDue();
      } catch (error) {
        if (this.running) console.error('envoi des messages :', (error as Error).message);
      }
      if (sent === 0 && this.running && !this.woken) await new Promise<void>((done) => setTimeout((this.wakeUp = done), this.options.pollMs ?? 5_000).unref());
    }
  }

  /** One batch: claims up to BATCH due rows, sends each, records each result. Returns how many were claimed. */
  async sendDue(): Promise<number> {
    const transport = this.options.transport;
    if (!transport) return 0;
    const {db} = this.options;
    const rows = await db.query<Claimed>(CLAIM_SQL, [BATCH, this.options.leaseMs ?? 300_000]);
    const territories = new Map<string, TerritoryMail | undefined>();
    for (const row of rows) {
      if (!territories.has(row.territory)) {
        const [t] = await db.query<TerritoryMail>('select name, phone, email, website from territories where slug = $1', [row.territory]);
        territories.set(row.territory, t);
      }
      const result = await this.deliver(transport, row, territories.get(row.territory));
      await this.record(row, result);
    }
    return rows.length;
  }

  private async deliver(transport: Transport, row: Claimed, territory: TerritoryMail | undefined): Promise<SendResult | 'skipped'> {
    if (!territory) return {ok: false, permanent: true, error: 'territoire supprimé'};
    let to: string;
    try {
      to = row.recipient_encrypted === null ? territory.email : openRecipient(this.options.keys, row.recipient_encrypted);
    } catch {
      return {ok: false, permanent: true, error: 'adresse illisible (clé de chiffrement changée ?)'};
    }
    const category = UNSUBSCRIBE_CATEGORY[row.kind];
    let mail: Buffer | undefined;
    try {
      mail = category ? await mailKey(this.options.db, this.options.keys) : undefined;
    } catch {
      // retried: the right secret put back in CPTS_SECRET_KEY_OLD opens it again
      return {ok: false, permanent: false, error: 'clé des liens de désinscription illisible (clé de chiffrement changée ?)'};
    }
    const claim = category && mail ? {territory: row.territory, category, recipientHash: recipientHash(mail, to)} : undefined;
    if (claim && (await isUnsubscribed(this.options.db, claim))) return 'skipped';
    const unsubscribeUrl = claim && mail ? new URL(`v1/unsubscribe/${unsubscribeToken(mail, claim)}`, this.options.publicUrl).toString() : undefined;
    const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data;
    const rendered = renderMessage({kind: row.kind, language: row.language, data, territory, unsubscribeUrl});
    this.crashIf('before-send');
    const result = await transport.send({to, ...rendered, messageId: row.message_id, language: row.language, unsubscribeUrl});
    if (result.ok) this.crashIf('after-send');
    return result;
  }

  private crashIf(moment: 'before-send' | 'after-send'): void {
    if (!this.crashArmed || this.options.testCrash !== moment) return;
    process.kill(process.pid, 'SIGKILL');
  }

  private async record(row: Claimed, result: SendResult | 'skipped'): Promise<void> {
    const {db} = this.options;
    if (result === 'skipped') {
      await db.query(`update outbox set status = 'skipped', claimed_until = null, last_error = 'désinscrit' where id = $1`, [row.id]);
    } else if (result.ok) {
      await db.query(`update outbox set status = 'sent', sent_at = now(), claimed_until = null, last_error = null where id = $1`, [row.id]);
    } else if (result.permanent || row.attempts >= this.retry.maxAttempts) {
      await db.query(`update outbox set status = 'failed', claimed_until = null, last_error = $2 where id = $1`, [row.id, result.error]);
    } else {
      const delay = Math.min(this.retry.baseMs * 2 ** (row.attempts - 1), this.retry.capMs);
      await db.query(
        `update outbox set status = 'pending', claimed_until = null, last_error = $2, next_attempt_at = now() + make_interval(secs => $3::int / 1000.0) where id = $1`,
        [row.id, result.error, delay],
      );
    }
  }
}
