import {html} from 'lit';
import {property} from 'lit/decorators.js';
import type {Territory} from '@cpts-kit/contract';
import type {CptsClient} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {controlStyles} from '../styles/controls.js';
import {tokens} from '../styles/tokens.js';
import type {LanguageCode} from '../translations/translation.js';
import {styles} from './cartodispo.styles.js';
import {tokenFromFragment} from './declaration-model.js';
import {DeclareView, type DeclareHost} from './declare-view.js';
import {labelStrings} from '../translations/labels.js';
import {cartodispoStrings, type CartodispoStrings} from './cartodispo-strings.js';

/**
 * @summary CartoDispo: a practitioner declares their availability, from their personal link.
 *
 * The element is the page a practitioner's personal link opens (`practitioner.html#token=…`).
 * The token is read once from the URL fragment (which browsers never send to a server), removed
 * from the address bar, kept in memory only, and sent only to the configured API. Developers may
 * set the `token` property instead. The coordinators' view of everyone's availability is
 * `<cpts-availability-board>`.
 *
 * @fires cpts-error - Something could not be loaded or sent for a reason other than the user's
 *   answers or a refused link. `error` holds what the SDK threw.
 *
 * @csspart base - The wrapper.
 * @csspart summary - Whose link it is, and the last declaration.
 * @csspart nothing-changed - The « Rien n’a changé » button.
 * @csspart submit - The send button.
 * @csspart status - The live status line: saved (focused, so a keyboard user hears it and goes on from there), errors.
 * @csspart invalid-link - The message shown for a revoked, expired or missing link.
 * @csspart phone - The CPTS's phone link.
 *
 * @cssproperty --padding - Inner spacing of the wrapper.
 * @cssproperty --max-width - Widest the element grows (36rem).
 */
export class CptsCartodispo extends CptsElement implements DeclareHost {
  static override stringBundles = [cartodispoStrings, labelStrings];
  static override styles = [tokens, base, controlStyles, styles];

  private readonly territoryController = new TerritoryController(this, () => {
    // the declaration page works without the territory (only the commune lists need it)
  });
  private readonly declare = new DeclareView(this);
  private fragmentToken: string | undefined;
  private tokenClient: {base: CptsClient; token: string; client: CptsClient} | undefined;

  /** A practitioner's personal-link token, for developers (else it is read from `#token=…`). */
  @property({attribute: false}) token?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.takeTokenFromUrl();
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
    return html`
      <section part="base" lang=${this.localize.lang} aria-labelledby="title">
        <h2 id="title" class="title">${this.localize.strings.cartodispo.title}</h2>
        ${this.declare.render()}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-cartodispo': CptsCartodispo;
  }
}
