import {readConfig} from './config.js';
import {defaultStaticRoot, startServer} from './server.js';

const config = readConfig();
const running = await startServer({
  port: config.port,
  host: config.host,
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  secretKey: config.secretKey,
  previousSecretKeys: config.previousSecretKeys,
  allowedOrigins: config.allowedOrigins,
  production: config.production,
  rateLimitPerMinute: config.rateLimitPerMinute,
  statusRateLimitPerMinute: config.statusRateLimitPerMinute,
  trustProxy: config.trustProxy,
  shutdownGraceMs: config.shutdownGraceMs,
  testCrashAfterCommit: config.testCrashAfterCommit,
  mail: config.mail,
  demo: true,
  demoToken: config.demoToken,
  staticRoot: defaultStaticRoot(),
});

console.log(`cpts-kit server on ${running.url}`);
if (!config.mail.smtpUrl) console.log('CPTS_SMTP_URL absente : les messages attendent dans la boîte d’envoi (outil « Messages » des coordinateurs).');
if (running.demoToken) console.log(`jeton coordinateur de démo : ${running.demoToken}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} reçu : arrêt propre…`);
  try {
    await running.close();
    process.exit(0);
  } catch (error) {
    console.error('arrêt incomplet :', error);
    process.exit(1);
  }
}
// a server whose database is gone answers 503 to everything: better to stop, so a supervisor
// (systemd, Docker's restart policy) starts it again on the files PGlite left consistent
void running.db.lost?.then((error) => {
  console.error(`base de données perdue (${error.message}) : arrêt, pour être redémarré`);
  process.exit(1);
});
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
