import {ContextConsumer} from '@lit/context';
import type {ReactiveController} from 'lit';
import type {Territory} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '@cpts-kit/sdk';
import {territoryContext, type TerritoryState} from '../context/territory.js';
import {CptsConfigError} from './config-error.js';
import type {CptsElement} from './cpts-element.js';

/** The SDK's `getTerritory`. */
export type TerritoryFetch = (client: CptsClient, options?: RequestOptions) => Promise<Territory>;

/**
 * The territory a widget shows. Inside a `<cpts-provider>` it is the provider's (fetched once for
 * every widget); alone, the widget fetches it with its own client, and again when that client
 * changes (new `api`, `territory` or `client`).
 */
export class TerritoryController implements ReactiveController {
  private readonly host: CptsElement;
  private provided: TerritoryState | undefined;
  private own: TerritoryState | undefined;
  private loadedWith: CptsClient | undefined;
  private abort: AbortController | undefined;
  private readonly onError: (error: unknown) => void;
  private readonly fetchTerritory: TerritoryFetch | undefined;
  private waiting: ((state: TerritoryState) => void)[] = [];

  /**
   * `fetchTerritory`: the SDK's `getTerritory`, for a widget that shows nothing useful without the
   * territory (its fetch then leaves with the widget's other requests). Without it, the call and the
   * contract's schema are imported once the host has rendered: the intake form shows and takes
   * answers first, and its first bytes do not carry zod.
   */
  constructor(host: CptsElement, onError: (error: unknown) => void, fetchTerritory?: TerritoryFetch) {
    this.host = host;
    this.onError = onError;
    this.fetchTerritory = fetchTerritory;
    host.addController(this);
    new ContextConsumer(host, {
      context: territoryContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.settle();
        host.requestUpdate();
      },
    });
  }

  /** `undefined` only before the first update. */
  get state(): TerritoryState | undefined {
    return this.provided ?? this.own;
  }

  /** True when the state comes from a provider (so errors are the provider's to report). */
  get fromProvider(): boolean {
    return this.provided !== undefined;
  }

  hostUpdate(): void {
    if (this.provided) return;
    const client = this.host.resolveClient();
    if (client === this.loadedWith && this.own) return;
    this.loadedWith = client;
    void this.load(client);
  }

  hostConnected(): void {
    // back in the DOM after a fetch was aborted: update, so hostUpdate fetches again
    if (!this.own && this.host.hasUpdated) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    // reconnecting (moved in the DOM) fetches again rather than keeping a request we aborted
    if (this.own?.status === 'loading') {
      this.own = undefined;
      this.loadedWith = undefined;
    }
  }

  /**
   * The territory once it has arrived or failed: a widget that shows itself while it loads (the
   * intake form) waits here when the person acts on it before then.
   */
  settled(): Promise<TerritoryState> {
    const current = this.state;
    if (current && current.status !== 'loading') return Promise.resolve(current);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private settle(): void {
    const current = this.state;
    if (!current || current.status === 'loading') return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve(current);
  }

  /** Fetches again (the retry button). */
  reload(): void {
    this.own = undefined;
    this.loadedWith = undefined;
    this.host.requestUpdate();
  }

  private async load(client: CptsClient | undefined): Promise<void> {
    this.abort?.abort();
    if (!client) {
      this.setOwn({status: 'error', error: configError(this.host)});
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.setOwn({status: 'loading'});
    try {
      const getTerritory = this.fetchTerritory ?? (await this.lazyFetch());
      if (abort.signal.aborted) return;
      const territory = await getTerritory(client, {signal: abort.signal});
      if (!abort.signal.aborted) this.setOwn({status: 'ready', territory});
    } catch (error) {
      if (abort.signal.aborted) return;
      this.setOwn({status: 'error', error});
    }
  }

  /**
   * The call and the contract's schema come with the first fetch, not with the widget's code, and
   * are asked for once the host has rendered: a widget that can show itself without the territory
   * (the intake form) does so first, without sharing the network with them.
   */
  private async lazyFetch(): Promise<TerritoryFetch> {
    await this.host.updateComplete;
    return (await import('./territory-fetch.js')).getTerritory;
  }

  private setOwn(state: TerritoryState): void {
    this.own = state;
    if (state.status === 'error') this.onError(state.error);
    this.settle();
    this.host.requestUpdate();
  }
}

function configError(host: CptsElement): CptsConfigError {
  return new CptsConfigError(`<${host.localName}>: set "api" and "territory", or place it inside <cpts-provider>`);
}
