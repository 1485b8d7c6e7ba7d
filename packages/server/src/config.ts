import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import {resolve} from 'node:path';

/** What the HTTP app needs to know; the rest of the runtime config is about opening things. */
export interface AppConfig {
  /** Encrypts personal fields of intake requests (any string; keys are derived from it). */
  secretKey: string;
  /** Secrets used before CPTS_SECRET_KEY (CPTS_SECRET_KEY_OLD): they still decrypt, never encrypt. */
  previousSecretKeys?: string[];
  /** Extra CORS origins on every territory (CPTS_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Off: localhost origins are allowed for CORS. */
  production: boolean;
  version: string;
  /** Intake POSTs allowed per client address and minute (CPTS_RATE_LIMIT); default 30. */
  rateLimitPerMinute?: number;
  /** Status lookups (`<cpts-request-status>`) allowed per client address and minute (CPTS_STATUS_RATE_LIMIT); default 10. */
  statusRateLimitPerMinute?: number;
  /** How many reverse proxies in front of us append to X-Forwarded-For (CPTS_TRUST_PROXY); 0: ignore the header. */
  trustProxy?: number;
  /** Test hook (CPTS_TEST_CRASH_AFTER_COMMIT=1, never in production): die right after the first intake commit. */
  testCrashAfterCommit?: boolean;
  /** CPTS_SMTP_URL is set: messages go out (otherwise they wait, and the outbox route says so). */
  mailConfigured?: boolean;
}

/** E-mail delivery (outbox-worker.ts). */
export interface MailConfig {
  /** CPTS_SMTP_URL: smtp://user:pass@host:587 or smtps://…; unset, messages stay pending. */
  smtpUrl: string | undefined;
  /** CPTS_MAIL_FROM: the sender, « CPTS du Pays <contact@cpts.fr> ». */
  from: string | undefined;
  /** CPTS_PUBLIC_URL: this server as the recipients reach it, for the links in messages. */
  publicUrl: string | undefined;
  /** CPTS_MAIL_RETRY_SECONDS: the first retry's delay, doubled each time up to 6 hours. */
  retrySeconds: number;
  /** CPTS_MAIL_MAX_ATTEMPTS: attempts before a message is marked failed. */
  maxAttempts: number;
  /** Test hook CPTS_TEST_CRASH_MAIL=before-send|after-send (never in production). */
  testCrash: 'before-send' | 'after-send' | undefined;
}

export interface RuntimeConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  previousSecretKeys: string[];
  allowedOrigins: string[];
  demoToken: string | undefined;
  production: boolean;
  rateLimitPerMinute: number;
  statusRateLimitPerMinute: number;
  trustProxy: number;
  /** CPTS_SHUTDOWN_GRACE_MS: how long SIGTERM waits for requests in flight (10 000). */
  shutdownGraceMs: number;
  testCrashAfterCommit: boolean;
  mail: MailConfig;
}

export const DEFAULT_RATE_LIMIT = 30;
/** Stricter than the form's: a person checks one request, a script tries birth dates. */
export const DEFAULT_STATUS_RATE_LIMIT = 10;

export const SERVER_VERSION = '0.1.0';

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 8787;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : « ${text} »`);
  return port;
}

export function splitOrigins(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

function parseCount(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${name} invalide : « ${text} » (attendu : un entier entre 0 et ${max})`);
  return value;
}

/** CPTS_SECRET_KEY_OLD: one old secret, or several separated by commas (oldest last). */
export function splitSecrets(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `true` means one proxy, the usual case; a number says how many proxies append to X-Forwarded-For. */
function parseTrustProxy(text: string | undefined): number {
  if (text === 'true') return 1;
  if (text === 'false') return 0;
  return parseCount('CPTS_TRUST_PROXY', text, 0, 10);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CPTS_DATA_DIR || './.data',
    secretKey: env.CPTS_SECRET_KEY || undefined,
    previousSecretKeys: splitSecrets(env.CPTS_SECRET_KEY_OLD),
    allowedOrigins: splitOrigins(env.CPTS_ALLOWED_ORIGINS),
    demoToken: env.CPTS_DEMO_TOKEN || undefined,
    production: env.NODE_ENV === 'production',
    rateLimitPerMinute: parseCount('CPTS_RATE_LIMIT', env.CPTS_RATE_LIMIT, DEFAULT_RATE_LIMIT, 1_000_000_000),
    statusRateLimitPerMinute: parseCount('CPTS_STATUS_RATE_LIMIT', env.CPTS_STATUS_RATE_LIMIT, DEFAULT_STATUS_RATE_LIMIT, 1_000_000_000),
    trustProxy: parseTrustProxy(env.CPTS_TRUST_PROXY),
    shutdownGraceMs: parseCount('CPTS_SHUTDOWN_GRACE_MS', env.CPTS_SHUTDOWN_GRACE_MS, 10_000, 600_000),
    // inert in production whatever the variable says: it kills the process on purpose
    testCrashAfterCommit: env.CPTS_TEST_CRASH_AFTER_COMMIT === '1' && env.NODE_ENV !== 'production',
    mail: readMailConfig(env),
  };
}

function readMailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const smtpUrl = env.CPTS_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new Error('CPTS_SMTP_URL invalide (attendu : smtp://utilisateur:mot-de-passe@hôte:587 ou smtps://…)');
  if (smtpUrl && !env.CPTS_MAIL_FROM) throw new Error('CPTS_MAIL_FROM manquant : l’adresse d’expédition des messages, par exemple « CPTS du Pays <contact@cpts.fr> »');
  const crash = env.CPTS_TEST_CRASH_MAIL;
  return {
    smtpUrl,
    from: env.CPTS_MAIL_FROM || undefined,
    publicUrl: env.CPTS_PUBLIC_URL || undefined,
    retrySeconds: parseCount('CPTS_MAIL_RETRY_SECONDS', env.CPTS_MAIL_RETRY_SECONDS, 60, 86_400) || 1,
    maxAttempts: parseCount('CPTS_MAIL_MAX_ATTEMPTS', env.CPTS_MAIL_MAX_ATTEMPTS, 10, 100) || 1,
    testCrash: env.NODE_ENV !== 'production' && (crash === 'before-send' || crash === 'after-send') ? crash : undefined,
  };
}

/**
 * CPTS_SECRET_KEY when set. Otherwise a key kept in `<dataDir>/secret.key`, created on first start:
 * losing it makes stored personal fields unreadable, hence the warning.
 */
export function resolveSecretKey(options: {secretKey?: string | undefined; databaseUrl?: string | undefined; dataDir: string}): string {
  if (options.secretKey) return options.secretKey;
  if (options.databaseUrl?.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const file = resolve(options.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(options.dataDir, {recursive: true});
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key + '\n', {mode: 0o600});
  console.warn(`⚠ CPTS_SECRET_KEY absente : clé générée dans ${file}. Sauvegardez ce fichier : sans lui, les données personnelles chiffrées sont illisibles.`);
  return key;
}
