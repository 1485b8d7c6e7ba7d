import {html, nothing, type TemplateResult} from 'lit';
import type {Territory} from '@cpts-kit/contract';
import {CptsElement} from '../internal/cpts-element.js';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import {TerritoryController} from '../internal/territory-controller.js';
import {base} from '../styles/base.js';
import {tokens} from '../styles/tokens.js';
import {styles} from './territory-contact.styles.js';
import {contactStrings} from './contact-strings.js';
import {emailLink} from '../internal/safe-url.js';
import {getTerritory} from '@cpts-kit/sdk';

/**
 * @summary The CPTS's name, phone number and e-mail address, for a contact block or a footer.
 *
 * Inside a `<cpts-provider>` it shows the provider's territory (no request of its own); alone it
 * fetches `GET /v1/territories/{territory}` from `api`.
 *
 * @fires cpts-error - The territory could not be fetched, or the element is misconfigured. `error`
 *   holds what the SDK threw. Not fired inside a provider: the provider fires it once.
 *
 * @csspart base - The wrapper.
 * @csspart name - The territory's name.
 * @csspart phone - The phone link.
 * @csspart email - The e-mail link.
 *
 * @cssproperty --padding - Inner spacing of the wrapper.
 * @cssproperty --gap - Space between the name and the details.
 */
export class CptsTerritoryContact extends CptsElement {
  static override stringBundles = [contactStrings];
  static override styles = [tokens, base, styles];

  private readonly territoryData: TerritoryController = new TerritoryController(this, (error) => this.fireError(error), getTerritory);

  /** The territory shown, once loaded. */
  get data(): Territory | undefined {
    const state = this.territoryData.state;
    return state?.status === 'ready' ? state.territory : undefined;
  }

  private renderContact(territory: Territory): TemplateResult {
    const t = this.localize.strings.contact;
    const phone = formatFrenchPhone(territory.phone);
    return html`
      <p part="name">${territory.name}</p>
      <dl>
        <dt>${t.phone}</dt>
        <dd><a part="phone" href=${telHref(territory.phone)} aria-label=${t.call(phone)}>${phone}</a></dd>
        <dt>${t.email}</dt>
        <dd>${emailLink(territory.email, 'email')}</dd>
      </dl>
    `;
  }

  private renderError(error: unknown): TemplateResult {
    const t = this.localize.strings;
    return html`
      <div role="alert">
        <p><strong>${t.contact.error}</strong></p>
        <p>${this.errorMessage(error)}</p>
        ${this.territoryData.fromProvider ? nothing : html`<button type="button" @click=${() => this.territoryData.reload()}>${t.retry}</button>`}
      </div>
    `;
  }

  override render() {
    const t = this.localize.strings;
    const state = this.territoryData.state;
    const busy = !state || state.status === 'loading';
    return html`
      <div part="base" lang=${this.localize.lang} aria-busy=${busy ? 'true' : 'false'}>
        ${busy ? html`<p class="status" role="status">${t.contact.loading}</p>` : nothing}
        ${state?.status === 'ready' ? this.renderContact(state.territory) : nothing}
        ${state?.status === 'error' ? this.renderError(state.error) : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-territory-contact': CptsTerritoryContact;
  }
}
