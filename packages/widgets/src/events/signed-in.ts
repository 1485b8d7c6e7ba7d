import type {CptsClient} from '@cpts-kit/sdk';
import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * A coordinator signed in, in one tool. The tools of the same `<cpts-provider>` share one
 * session (`coordinator/session.ts`), which follows this event too, so a tool not yet on the
 * coordinator kit still signs the others in. It carries the SDK client, never the token string,
 * and nothing is written to storage. The provider stops it: it reaches neither the page's
 * `document` nor an outer provider's tools.
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

/**
 * @deprecated Use `CoordinatorSession` (`coordinator/session.ts`): one session per provider,
 * sign-out everywhere, a refused token asked for again. Kept until the last tool moves to it.
 *
 * One coordinator tool's part in the page's single sign-in: while connected, listens on its
 * nearest provider for the other tools' sign-ins and hands their client to `onShared` (the tool
 * decides whether it wants one); `announce()` tells the others of its own.
 */
export class SharedSignInController implements ReactiveController {
  private readonly host: ReactiveControllerHost & Element;
  private readonly onShared: (client: CptsClient) => void;
  /** The provider listened on: once the tool is out of the page, providerOf() finds none. */
  private provider: Element | null = null;

  constructor(host: ReactiveControllerHost & Element, onShared: (client: CptsClient) => void) {
    this.host = host;
    this.onShared = onShared;
    host.addController(this);
  }

  hostConnected(): void {
    this.provider = providerOf(this.host);
    this.provider?.addEventListener('cpts-signed-in', this.listener);
  }

  hostDisconnected(): void {
    this.provider?.removeEventListener('cpts-signed-in', this.listener);
    this.provider = null;
  }

  /** This tool signed in with `client`: the provider's other tools may use it too. */
  announce(client: CptsClient): void {
    this.host.dispatchEvent(new CptsSignedInEvent(client));
  }

  private readonly listener = (event: Event): void => {
    if (isSharedSignIn(event, this.host)) this.onShared(event.client);
  };
}
