// What a client is made with and what its calls take; apart from client.ts, which transport.ts (imported by it on demand) must not import back.

export interface ClientOptions {
  /** The API's base URL: `https://api.cpts-exemple.fr`, or `/` when the page and the API share an origin. */
  baseUrl: string;
  /** The territory's slug, e.g. `demo`. */
  territory: string;
  /** A coordinator token or a practitioner's personal-link token. */
  token?: string;
  /** Language of the server's error messages (`fr` by default). */
  lang?: 'fr' | 'en';
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per attempt; 10 s by default. */
  timeout?: number;
  /** How many times a safe request is retried after a network fault or a 408/429/5xx; 2 by default. */
  retry?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface IdempotentRequestOptions extends RequestOptions {
  /** One key per logical submission: a retried submission must resend the same key. Generated when absent. */
  idempotencyKey?: string;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallInput {
  id?: string;
  query?: Query;
  json?: unknown;
  text?: string;
  /** A file sent as it is (bytes): the server detects its encoding. */
  csv?: Blob | ArrayBuffer | Uint8Array;
  /** Milliseconds for this call, when it may take longer than the client's `timeout` (a large import). */
  timeout?: number;
  idempotencyKey?: string;
  /** The ETag read (`WaitingRequest.version` as `"r12"`): the server answers 412 if the resource changed since. */
  ifMatch?: string | undefined;
  signal?: AbortSignal | undefined;
}
