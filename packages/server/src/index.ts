export {createApp, MAX_BODY_BYTES, type App} from './app.js';
export {readConfig, resolveSecretKey, type AppConfig, type RuntimeConfig} from './config.js';
export {migrate, openDatabase, openPglite, openPostgres, type Db} from './db/index.js';
export {seedDemo, ensureDemoToken, DEMO_SLUG, DEMO_EPCI} from './seed.js';
export {startServer, type RunningServer, type StartOptions} from './server.js';
export {issueToken} from './auth.js';
export {createTerritory, type NewTerritory} from './territories.js';
export {purgeAll, purgeTerritory, purgeExpiredIdempotencyKeys, IDEMPOTENCY_KEY_TTL_HOURS, type PurgeCounts} from './purge.js';
export {RateLimiter} from './rate-limit.js';
