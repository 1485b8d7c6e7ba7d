import type {CptsClient} from '@cpts-kit/sdk';

/**
 * A coordinator tool signed in. Other tools inside the same `<cpts-provider>` listen for it and
 * use the same client, so the coordinator types the token once per page. The event carries the
 * SDK client, never the token string, and nothing is written to storage. The provider stops it:
 * it reaches neither the page's `document` nor an outer provider's tools.
 */
export class CptsSignedInEvent extends Event {
  readonly client: CptsClient;
  constructor(client: CptsClient) {
    super('cpts-signed-in', {bubbles: true, composed: true});
    this.client = client;
  }
}

/** The nearest `<cpts-provider>` around `node`, across shadow roots; null when there is none. */
export function providerOf(node: Node): Element | null {
  for (let n: Node | null = node.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n instanceof Element && n.localName === 'cpts-provider') return n;
  }
  return null;
}

/** `event` is another tool's sign-in, and that tool's nearest provider is `tool`'s own. */
export function isSharedSignIn(event: Event, tool: Element): event is CptsSignedInEvent {
  if (!(event instanceof CptsSignedInEvent) || event.target === tool || !(event.target instanceof Node)) return false;
  const provider = providerOf(tool);
  return provider !== null && providerOf(event.target) === provider;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-signed-in': CptsSignedInEvent;
  }
}
