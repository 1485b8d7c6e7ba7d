import type {CptsClient} from '@cpts-kit/sdk';

/**
 * A coordinator signed in, in one tool (its coordinator session, `coordinator/session.ts`). It
 * carries the SDK client, never the token string, and nothing is written to storage. The provider
 * stops it: it reaches neither the page's `document` nor an outer provider's tools.
 */
export class CptsSignedInEvent extends Event {
  readonly client: CptsClient;
  constructor(client: CptsClient) {
    super('cpts-signed-in', {bubbles: true, composed: true});
    this.client = client;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-signed-in': CptsSignedInEvent;
  }
}
