/** `[west, south, east, north]` in degrees, as supercluster takes it. */
export type BBoxTuple = [number, number, number, number];

/** One thing to draw: a cluster of `count` points (`accepting` of them take new patients), or the point at `index` in the loaded list. */
export type ClusterItem = {kind: 'cluster'; id: number; count: number; accepting: number; lat: number; lng: number} | {kind: 'point'; index: number; lat: number; lng: number};

/** Messages to the cluster worker. Coordinates (and whether each takes new patients, 1 or 0) travel as transferable arrays: cloning 100k objects would block the page. */
export type WorkerRequest =
  | {seq: number; type: 'ping'}
  | {seq: number; type: 'load'; coords: Float64Array; accepting: Uint8Array}
  | {seq: number; type: 'clusters'; bbox: BBoxTuple; zoom: number}
  | {seq: number; type: 'expansion'; id: number};

export type WorkerResponse =
  | {seq: number; type: 'pong'}
  | {seq: number; type: 'loaded'}
  | {seq: number; type: 'clusters'; items: ClusterItem[]}
  | {seq: number; type: 'expansion'; zoom: number}
  | {seq: number; type: 'error'; message: string};

export const CLUSTER_OPTIONS = {radius: 60, maxZoom: 16, minPoints: 2} as const;
