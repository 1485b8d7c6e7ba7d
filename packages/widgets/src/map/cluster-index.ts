import type {BBoxTuple, ClusterItem, WorkerRequest, WorkerResponse} from './cluster-protocol.js';
import {SuperclusterIndex} from './supercluster-index.js';

/** Clusters the loaded points; in the page for small sets, in a worker for large ones. */
export interface ClusterIndex {
  load(coords: Float64Array, accepting: Uint8Array): Promise<void>;
  clusters(bbox: BBoxTuple, zoom: number): Promise<ClusterItem[]>;
  expansionZoom(id: number): Promise<number>;
  terminate(): void;
}

/** Above this many points, indexing takes longer than a frame budget allows on the main thread. */
export const WORKER_THRESHOLD = 5_000;

export function mainThreadIndex(): ClusterIndex {
  let index = new SuperclusterIndex();
  return {
    async load(coords, accepting) {
      index = new SuperclusterIndex();
      index.load(coords, accepting);
    },
    clusters: async (bbox, zoom) => index.clusters(bbox, zoom),
    expansionZoom: async (id) => index.expansionZoom(id),
    terminate() {},
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: {createScriptURL: (url: string) => string}): TrustedTypePolicyLike;
}

/**
 * Pages that enforce Trusted Types must list this policy in `trusted-types` for the worker to
 * start; otherwise the map clusters in the page (slower for very large sets, still correct).
 */
export const WORKER_POLICY = 'cpts-kit-worker';
let policy: TrustedTypePolicyLike | null | undefined;

/** The worker's URL as Trusted Types want it: only our own worker file may pass. */
function trustedWorkerUrl(url: string): unknown {
  const tt = (globalThis as {trustedTypes?: TrustedTypesLike}).trustedTypes;
  if (!tt) return url;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy(WORKER_POLICY, {
        createScriptURL: (value) => {
          if (value !== url) throw new TypeError(`${WORKER_POLICY}: unexpected URL ${value}`);
          return value;
        },
      });
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}

function workerScriptUrl(): string {
  // a literal `new URL('./….js', import.meta.url)`: the build emits the worker as a chunk of its own and rewrites this
  return new URL('./cluster-worker.js', import.meta.url).href;
}

/** Starts the worker; rejects when the page does not allow it (CSP, Trusted Types, another origin). */
export async function workerIndex(): Promise<ClusterIndex & {ping(): Promise<void>}> {
  const worker = new Worker(trustedWorkerUrl(workerScriptUrl()) as string, {type: 'module', name: 'cpts-map-clusters'});
  let seq = 0;
  const pending = new Map<number, {resolve: (r: WorkerResponse) => void; reject: (e: Error) => void}>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const waiting = pending.get(event.data.seq);
    if (!waiting) return;
    pending.delete(event.data.seq);
    if (event.data.type === 'error') waiting.reject(new Error(event.data.message));
    else waiting.resolve(event.data);
  });
  worker.addEventListener('error', () => failAll(new Error('cluster worker failed')));
  const call = (request: DistributiveOmit<WorkerRequest, 'seq'>, transfer: Transferable[] = []): Promise<WorkerResponse> =>
    new Promise((resolve, reject) => {
      const message = {...request, seq: ++seq};
      pending.set(message.seq, {resolve, reject});
      worker.postMessage(message, transfer);
    });
  return {
    async ping() {
      await call({type: 'ping'});
    },
    async load(coords, accepting) {
      // copies are transferred: the caller keeps its arrays
      const copy = coords.slice();
      const flags = accepting.slice();
      await call({type: 'load', coords: copy, accepting: flags}, [copy.buffer, flags.buffer]);
    },
    async clusters(bbox, zoom) {
      const response = await call({type: 'clusters', bbox, zoom});
      return response.type === 'clusters' ? response.items : [];
    },
    async expansionZoom(id) {
      const response = await call({type: 'expansion', id});
      return response.type === 'expansion' ? response.zoom : 0;
    },
    terminate() {
      failAll(new Error('terminated'));
      worker.terminate();
    },
  };
}

/** The worker for large sets when the page allows it, else the page itself. */
export async function createClusterIndex(size: number): Promise<ClusterIndex> {
  if (size <= WORKER_THRESHOLD || typeof Worker === 'undefined') return mainThreadIndex();
  let index: Awaited<ReturnType<typeof workerIndex>> | undefined;
  try {
    index = await workerIndex();
    // a worker that cannot load (CSP, 404) only says so through its error event: probe it once
    await Promise.race([index.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('cluster worker did not answer')), 5_000))]);
    return index;
  } catch {
    index?.terminate();
    return mainThreadIndex();
  }
}
