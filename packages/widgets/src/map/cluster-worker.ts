// The module worker that indexes large sets off the main thread (see cluster-index.ts).
import type {WorkerRequest, WorkerResponse} from './cluster-protocol.js';
import {SuperclusterIndex} from './supercluster-index.js';

// typed by hand: the webworker lib would clash with the DOM lib the rest of the package compiles with
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};
let index = new SuperclusterIndex();

function answer(request: WorkerRequest): WorkerResponse {
  switch (request.type) {
    case 'ping':
      return {seq: request.seq, type: 'pong'};
    case 'load':
      index = new SuperclusterIndex();
      index.load(request.coords, request.accepting);
      return {seq: request.seq, type: 'loaded'};
    case 'clusters':
      return {seq: request.seq, type: 'clusters', items: index.clusters(request.bbox, request.zoom)};
    case 'expansion':
      return {seq: request.seq, type: 'expansion', zoom: index.expansionZoom(request.id)};
  }
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  try {
    scope.postMessage(answer(event.data));
  } catch (error) {
    scope.postMessage({seq: event.data.seq, type: 'error', message: String(error)});
  }
});
