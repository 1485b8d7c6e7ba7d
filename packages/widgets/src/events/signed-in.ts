import type {CptsClient} from '@cpts-kit/sdk';

/**
 * A coordinator tool signed in. Other tools inside the same `<cpts-provider>` listen for it and
 * use the same client, so the coordinator types the token once per page. The event carries the
 * SDK client, never the token string, and nothing is written to storage.
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
