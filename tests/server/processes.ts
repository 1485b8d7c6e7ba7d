/** Real server processes (packages/server/src/main.ts) for the tests that need more than one, or a signal. */
import {spawn, type ChildProcess} from 'node:child_process';
import {resolve} from 'node:path';

const MAIN = resolve(import.meta.dirname, '../../packages/server/src/main.ts');

export interface ServerProcess {
  child: ChildProcess;
  /** Without the trailing slash. */
  url: string;
  port: number;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once `text` appears in its output. */
  printed(text: string): Promise<void>;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
  /** SIGKILL if still running (a test's clean-up). */
  kill(): Promise<void>;
}

/** Starts main.ts with `env` on a free port; resolves once it listens (and printed the demo token, if one is set). */
export function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const full: NodeJS.ProcessEnv = {...process.env, PORT: '0', ...env};
  if (!env.NODE_ENV) delete full.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {env: full, stdio: ['ignore', 'pipe', 'pipe']});
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((done) => child.once('exit', (code, signal) => done({code, signal})));
  let out = '';
  const waiters: {text: string; done(): void}[] = [];
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.filter((w) => out.includes(w.text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.done();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const printed = (text: string) => (out.includes(text) ? Promise.resolve() : new Promise<void>((done) => waiters.push({text, done})));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`pas démarré en ${timeoutMs} ms :\n${out}`));
    }, timeoutMs);
    void exited.then(({code, signal}) => {
      clearTimeout(timer);
      reject(new Error(`arrêté (${code ?? signal}) avant d'écouter :\n${out}`));
    });
    void (async () => {
      await printed('cpts-kit server on ');
      if (env.CPTS_DEMO_TOKEN) await printed(env.CPTS_DEMO_TOKEN);
      const match = /cpts-kit server on (http:\/\/\S+)/.exec(out)!;
      clearTimeout(timer);
      const url = match[1]!.replace(/\/$/, '');
      resolvePromise({child, url, port: Number(new URL(url).port), output: () => out, printed, exited, kill});
    })();
  });
}
