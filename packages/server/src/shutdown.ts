import type {ServerType} from '@hono/node-server';

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections and waits for the requests in flight, at most `graceMs`; then cuts
 * what is left. Keep-alive connections are closed as soon as they fall idle (every 100 ms), so a
 * client (a proxy) that sent nothing more opens its next connection to another server.
 */
export function drain(server: ServerType, graceMs: number): Promise<void> {
  return new Promise<void>((done) => {
    const http = server as Partial<{closeIdleConnections(): void; closeAllConnections(): void}>;
    const idle = setInterval(() => http.closeIdleConnections?.(), 100);
    const cut = setTimeout(() => {
      console.error(`arrêt : requêtes encore en cours après ${graceMs} ms, connexions coupées`);
      http.closeAllConnections?.();
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      done();
    });
    http.closeIdleConnections?.();
  });
}
