import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import type {PriorityCriterion, Territory} from '@cpts-kit/contract';
import type {CptsClient} from '@cpts-kit/sdk';
import {CptsElement} from '../internal/cpts-element.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {controlStyles} from '../styles/controls.js';
import {tokens} from '../styles/tokens.js';
import type {LanguageCode} from '../translations/translation.js';
import {styles} from './cartodispo.styles.js';
import {proposalsStyles} from './proposals.styles.js';
import {tokenFromFragment} from './declaration-model.js';
import {DeclareView} from './declare-view.js';
import {ProposalsView, type ProposalsHost} from './proposals-view.js';
import {labelStrings} from '../translations/labels.js';
import {cartodispoStrings, type CartodispoStrings} from './cartodispo-strings.js';
import {getTerritory} from '@cpts-kit/sdk';

/**
 * @summary CartoDispo: a practitioner declares their availability, from their personal link.
 *
 * The element is the page a practitioner's personal link opens (`practitioner.html#token=…`).
 * The token is read from the URL fragment (which browsers never send to a server) and left there,
 * so the practitioner can reload the page or bookmark it; it is sent only to the configured API.
 * « Oublier ce lien sur cet appareil » removes it from the address bar and from memory. Below the
 * declaration, the patients the CPTS proposes (accept, decline, contact details once accepted) and,
 * where the territory allows it, the people waiting nearby. Developers may set the `token`
 * property instead. The coordinators' view of everyone's availability is
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
 * @csspart forget-link - The « Oublier ce lien sur cet appareil » button.
 * @csspart proposals - The patients proposed by the CPTS, with the remaining monthly quota (`quota`).
 * @csspart proposal - One proposal; its buttons are `accept`, `decline`, `confirm-decline`, `first-consultation`.
 * @csspart contact - The person's contact details, once accepted.
 * @csspart waiting-people - People waiting nearby (territories that let practitioners pick); buttons `offer`.
 *
 * @cssproperty --padding - Inner spacing of the wrapper.
 * @cssproperty --max-width - Widest the element grows (36rem).
 */
export class CptsCartodispo extends CptsElement implements ProposalsHost {
  static override stringBundles = [cartodispoStrings, labelStrings];
  static override styles = [tokens, base, controlStyles, styles, proposalsStyles];

  private readonly territoryController = new TerritoryController(
    this,
    () => {
      // the declaration page works without the territory (only the commune lists need it)
    },
    getTerritory,
  );
  private readonly declare = new DeclareView(this);
  private readonly proposals = new ProposalsView(this);
  private fragmentToken: string | undefined;
  private forgotten = false;
  private tokenClient: {base: CptsClient; token: string; client: CptsClient} | undefined;

  /** A practitioner's personal-link token, for developers (else it is read from `#token=…`). */
  @property({attribute: false}) token?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.takeTokenFromUrl();
  }

  /**
   * Reads `#token=…` and leaves it in the address bar: a fragment never reaches a server, and
   * keeping it lets the practitioner reload or bookmark the page (« Oublier » removes it).
   */
  private takeTokenFromUrl(): void {
    const token = tokenFromFragment(window.location.hash);
    if (token) this.fragmentToken = token;
  }

  /** Removes the link's token from the address bar (and this history entry) and from memory. */
  private forgetLink(): void {
    const {pathname, search} = window.location;
    history.replaceState(history.state, '', `${pathname}${search}`);
    this.fragmentToken = undefined;
    this.tokenClient = undefined;
    this.forgotten = true;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.forgotten')?.focus());
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

  get priorityCriteriaLabels(): Record<PriorityCriterion, string> {
    return this.localize.strings.priorityCriteria;
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

  /** Only for a token read from the address: a developer's `token` property is theirs to drop. */
  private renderForget() {
    if (!this.fragmentToken || this.token) return nothing;
    const t = this.localize.strings.cartodispo;
    return html`<p class="forget">
      <button type="button" class="secondary" part="forget-link" aria-describedby="forget-hint" @click=${() => this.forgetLink()}>${t.forgetLink}</button>
      <small id="forget-hint">${t.forgetLinkHint}</small>
    </p>`;
  }

  override render() {
    return html`
      <section part="base" lang=${this.localize.lang} aria-labelledby="title">
        <h2 id="title" class="title">${this.localize.strings.cartodispo.title}</h2>
        ${this.forgotten ? html`<p class="forgotten" tabindex="-1" role="status">${this.localize.strings.cartodispo.forgotten}</p>` : this.declare.render()}
        ${this.proposals.render()} ${this.renderForget()}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-cartodispo': CptsCartodispo;
  }
}
