/**
 * A real SMTP server for the tests (the `smtp-server` package on 127.0.0.1, a free port), with a
 * small MIME reader: enough to check what a mail client would show.
 */
import {SMTPServer} from 'smtp-server';
import type {AddressInfo} from 'node:net';

export interface Received {
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** ok: accept; tempfail: answer 451 to every recipient (a relay in trouble). */
  mode: 'ok' | 'tempfail';
  /** Recipients answered 550 (no such mailbox). */
  refuse: Set<string>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const s = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as nodemailer writes non-ASCII subjects. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function splitHeaders(raw: string): {headers: Map<string, string>; body: string} {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return {headers, body: raw.slice(at + 4)};
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The text/plain and text/html parts, whether the message is multipart or not. */
function parts(headers: Map<string, string>, body: string): {text: string; html: string} {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return type.startsWith('text/html') ? {text: '', html: decodeBody(headers, body)} : {text: decodeBody(headers, body), html: ''};
  const out = {text: '', html: ''};
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const part = splitHeaders(chunk.replace(/^\r\n/, ''));
    const inner = parts(part.headers, part.body.replace(/\r\n$/, ''));
    out.text ||= inner.text;
    out.html ||= inner.html;
  }
  return out;
}

export function parseMessage(raw: string, to: string[]): Received {
  const {headers, body} = splitHeaders(raw);
  return {to, headers, subject: decodeWords(headers.get('subject') ?? ''), ...parts(headers, body), raw};
}

export async function startSmtp(): Promise<TestSmtp> {
  const state = {mode: 'ok' as TestSmtp['mode'], refuse: new Set<string>(), received: [] as Received[]};
  const fail = (code: number, message: string) => Object.assign(new Error(message), {responseCode: code});
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.mode === 'tempfail') return callback(fail(451, 'Service temporairement indisponible'));
      if (state.refuse.has(address.address.toLowerCase())) return callback(fail(550, `Boîte inconnue <${address.address}>`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = (session.envelope.rcptTo as {address: string}[]).map((a) => a.address);
        state.received.push(parseMessage(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: state.received,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    refuse: state.refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
