import {html} from 'lit';
import {CptsElement} from '../internal/cpts-element.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {coordinatorStrings} from './coordinator-strings.js';
import {coordinatorStyles} from './coordinator.styles.js';
import {CoordinatorSession} from './session.js';

/**
 * @summary The page's one coordinator sign-in, for every coordinator tool of its `<cpts-provider>`.
 * Placed once (say, at the top of the coordinator page), it holds the form; the tools then say
 * « Connectez-vous ci-dessus ». Once signed in, it holds the one « Se déconnecter », which signs
 * every tool out. Without it, the provider's first tool shows the form.
 *
 * The token stays in the provider's memory: never in storage, an attribute, the URL or an event.
 *
 * @fires cpts-signed-in - The coordinator signed in here; `client` is the SDK client carrying the token.
 *
 * @csspart sign-in - The form.
 * @csspart session - Once signed in: the line saying so, and the sign-out.
 * @csspart status - What just happened (an `aria-live` region).
 */
export class CptsCoordinatorSignIn extends CptsElement {
  static override stringBundles = [coordinatorStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles];

  private status = '';
  private readonly session: CoordinatorSession = new CoordinatorSession(this, {
    idPrefix: 'cs',
    kind: 'form',
    strings: () => this.localize.strings.coordinator,
    errorMessage: (error) => this.errorMessage(error),
    onSignedIn: (_client, typed) => {
      this.status = '';
      // the field pressed is gone: the sign-out that replaces it
      if (typed) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cs-sign-out')?.focus());
    },
    onSignedOut: () => {
      this.status = this.localize.strings.coordinator.signedOut;
    },
  });

  override render() {
    return html`<div part="base" lang=${this.localize.lang}>
      ${this.session.renderSignIn()}
      <p class="visually-hidden" role="status" part="status">${this.status}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-coordinator-sign-in': CptsCoordinatorSignIn;
  }
}
