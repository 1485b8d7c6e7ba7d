import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import type {BoardRow, Territory} from '@cpts-kit/contract';
import type {CptsClient} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {mapFrameStyles} from '../styles/map-frame.js';
import {tokens} from '../styles/tokens.js';
import type {LanguageCode, Translation} from '../translations/translation.js';
import {boardStyles} from './board.styles.js';
import {boardStrings} from './board-strings.js';
import {BoardView, type BoardHost} from './board-view.js';
import {styles} from './cartodispo.styles.js';
import {tokenFromFragment} from './declaration-model.js';
import {DeclareView, type DeclareHost} from './declare-view.js';
import {labelStrings} from '../translations/labels.js';
import {cartodispoStrings, type CartodispoStrings} from './cartodispo-strings.js';

/** `declare`: a practitioner's own page; `board`: every practitioner's availability, for coordinators. */
export type CartodispoMode = 'declare' | 'board';

/**
 * @summary CartoDispo: practitioners declare their availability (`mode="declare"`); coordinators
 * and regulators see everyone's (`mode="board"`).
 *
 * In `declare` mode the element is the page a practitioner's personal link opens
 * (`practitioner.html#token=…`). The token is read once from the URL fragment (which browsers
 * never send to a server), removed from the address bar, kept in memory only, and sent only to
 * the configured API. Developers may set the `token` property instead.
 *
 * In `board` mode a coordinator signs in with their token (kept in this element's memory only,
 * never in storage or an attribute; a page may set `token` instead) and gets every practitioner,
 * public and network-only, with their current availability and its freshness: filters, an
 * accent-insensitive search, sorting, counts, a CSV export of the filtered rows, and a map view
 * whose code (Leaflet, supercluster) is downloaded only when the map is first shown. Inside a
 * `<cpts-provider>`, one sign-in serves every coordinator tool (`cpts-signed-in`).
 *
 * @fires cpts-error - Something could not be loaded or sent for a reason other than the user's
 *   answers or a refused link or token. `error` holds what the SDK threw.
 * @fires cpts-select - (`board`) A row was chosen, in the table or on the map; `detail` is the `BoardRow`.
 * @fires cpts-signed-in - (`board`) The coordinator signed in; `client` is the SDK client carrying the token.
 *
 * @csspart base - The wrapper.
 * @csspart summary - (`declare`) Whose link it is, and the last declaration.
 * @csspart nothing-changed - (`declare`) The « Rien n’a changé » button.
 * @csspart submit - (`declare`) The send button.
 * @csspart status - The live status line (`declare`: saved, errors; `board`: loading, counts).
 * @csspart invalid-link - (`declare`) The message shown for a revoked, expired or missing link.
 * @csspart phone - (`declare`) The CPTS's phone link.
 * @csspart sign-in - (`board`) The token sign-in form.
 * @csspart filters - (`board`) The filters, search and sort.
 * @csspart list - (`board`) The scrolling box around the table.
 * @csspart row - (`board`) One practitioner's row of the table.
 * @csspart empty - (`board`) The message shown when no row matches (or none exists).
 * @csspart error - (`board`) A failure message, with its retry button.
 * @csspart export - (`board`) The CSV export button.
 * @csspart map - (`board`) The map's box.
 * @csspart details - (`board`) The row chosen on the map.
 *
 * @cssproperty --padding - Inner spacing of the wrapper.
 * @cssproperty --max-width - Widest the element grows (36rem to declare, none for the board).
 * @cssproperty --map-height - (`board`) Height of the map (28rem).
 */
export class CptsCartodispo extends CptsElement implements DeclareHost, BoardHost {
  static override stringBundles = [cartodispoStrings, labelStrings];
  static override styles = [tokens, base, styles, mapFrameStyles, boardStyles];

  private readonly territoryController = new TerritoryController(this, () => {
    // the declaration page works without the territory (only the commune lists need it)
  });
  private readonly declare = new DeclareView(this);
  private readonly board = new BoardView(this);
  private fragmentToken: string | undefined;
  private tokenClient: {base: CptsClient; token: string; client: CptsClient} | undefined;

  /** `declare` (a practitioner's page) or `board` (coordinators). */
  @property({reflect: true}) mode: CartodispoMode = 'declare';

  /**
   * `declare`: a practitioner's personal-link token, for developers (else it is read from
   * `#token=…`). `board`: a coordinator's token, for pages that have one (else the board asks).
   */
  @property({attribute: false}) token?: string;

  /** (`board`) Tile URL template for the map view. Unset: no tiles, the communes' names instead. */
  @property() tiles?: string;

  /** (`board`) Attribution of the tiles, shown as text under the map. */
  @property({attribute: 'tiles-attribution'}) tilesAttribution?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // a coordinator's page has no personal link in its address
    if (this.mode === 'declare') this.takeTokenFromUrl();
  }

  /** (`board`) The rows shown now, filtered and sorted: what the table, the map and the CSV show. */
  get boardRows(): BoardRow[] {
    return this.board.shownRows;
  }

  /** (`board`) Resolves once the map view has drawn the current rows. */
  boardMapSettled(): Promise<void> {
    return this.board.mapSettled();
  }

  /**
   * Reads `#token=…` and removes it from the address bar at once, so it is neither bookmarked,
   * nor shared by copying the URL, nor left in the history.
   */
  private takeTokenFromUrl(): void {
    const token = tokenFromFragment(window.location.hash);
    if (!token) return;
    this.fragmentToken = token;
    const {pathname, search} = window.location;
    history.replaceState(history.state, '', `${pathname}${search}`);
  }

  /** The SDK client with the personal-link token; undefined when there is no token. */
  get practitionerClient(): CptsClient | undefined {
    if (this.mode !== 'declare') return undefined;
    const token = this.token ?? this.fragmentToken;
    const client = this.resolveClient();
    if (!client || !token) return undefined;
    if (this.tokenClient?.base !== client || this.tokenClient.token !== token) {
      this.tokenClient = {base: client, token, client: client.withToken(token)};
    }
    return this.tokenClient.client;
  }

  get territoryData(): Territory | undefined {
    const state = this.territoryController.state;
    return state?.status === 'ready' ? state.territory : undefined;
  }

  get boardActive(): boolean {
    return this.mode === 'board';
  }

  get coordinatorToken(): string | undefined {
    return this.mode === 'board' ? this.token : undefined;
  }

  get sharedStrings(): Translation {
    return this.localize.strings;
  }

  get cartodispoStrings(): CartodispoStrings {
    return this.localize.strings.cartodispo;
  }

  get langCode(): LanguageCode {
    return this.localize.lang;
  }

  get retryLabel(): string {
    return this.localize.strings.retry;
  }

  describeError(error: unknown): string {
    return this.errorMessage(error);
  }

  reportError(error: unknown): void {
    this.fireError(error);
  }

  override render() {
    const board = this.mode === 'board';
    const title = board ? boardStrings[this.localize.lang].title : this.localize.strings.cartodispo.title;
    return html`
      <section part="base" lang=${this.localize.lang} aria-labelledby="title">
        <h2 id="title" class="title" tabindex=${board ? '-1' : nothing}>${title}</h2>
        ${board ? this.board.render() : this.mode === 'declare' ? this.declare.render() : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-cartodispo': CptsCartodispo;
  }
}
