import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CptsClient} from '@cpts-kit/sdk';

/** What a part of the practitioner's page needs of its element. */
export interface LinkHost extends ReactiveControllerHost {
  /** A client carrying the personal-link token; undefined when the page was opened without one. */
  readonly practitionerClient: CptsClient | undefined;
}

/**
 * A part of the practitioner's page that reads what its link gives (the declaration, the
 * proposals): it loads once per client, again when the link changes, and cancels the request in
 * flight when the element leaves the page.
 */
export abstract class LinkView implements ReactiveController {
  private loadedWith: CptsClient | undefined | null = null;
  /** The request in flight; a new load aborts it. */
  protected abort: AbortController | undefined;

  constructor(host: LinkHost) {
    this.linkHost = host;
    host.addController(this);
  }

  private readonly linkHost: LinkHost;

  /** Whether the first answer for the current client is still awaited. */
  protected abstract get loading(): boolean;

  protected abstract load(client: CptsClient | undefined): Promise<void>;

  hostUpdate(): void {
    const client = this.linkHost.practitionerClient;
    if (client === this.loadedWith) return;
    this.loadedWith = client;
    void this.load(client);
  }

  /** Loads again for the current link (Retry). */
  protected reload(): void {
    this.loadedWith = this.linkHost.practitionerClient;
    void this.load(this.loadedWith);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // reconnecting loads again rather than waiting for a request we just cancelled
    if (this.loading) this.loadedWith = null;
  }
}
