import {html, nothing, type TemplateResult} from 'lit';
import type {CoordinatorStrings} from './coordinator-strings.js';
import type {SignInProblem} from './session-store.js';

export interface SignInFormOptions {
  /** Prefix of the ids (`<prefix>-token`, `<prefix>-token-error`…), unique within the shadow root. */
  idPrefix: string;
  strings: CoordinatorStrings;
  problem: SignInProblem | undefined;
  /** The words of a `failed` problem (network, server), from the host's `errorMessage()`. */
  failure: string;
  /** Asked again mid-session: the form says what was kept. */
  expired: boolean;
  checking: boolean;
  onSubmit: (token: string) => void;
}

function problemText(o: SignInFormOptions): string {
  if (o.problem === 'required') return o.strings.tokenRequired;
  if (o.problem === 'failed') return o.failure;
  return o.expired ? o.strings.expired : o.strings.signInError;
}

/**
 * A coordinator's sign-in: one password-type field for the token, its hint, and the problem by
 * the field. The token is read from the field on submit and never written to an attribute.
 */
export function renderSignInForm(o: SignInFormOptions): TemplateResult {
  const id = `${o.idPrefix}-token`;
  const s = o.strings;
  const problem = o.problem !== undefined || o.expired;
  return html`
    <form part="sign-in" class="sign-in" novalidate aria-labelledby=${`${o.idPrefix}-sign-in-title`}
      @submit=${(e: Event) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`#${id}`);
        o.onSubmit(input?.value ?? '');
      }}>
      <h2 id=${`${o.idPrefix}-sign-in-title`}>${s.signInTitle}</h2>
      <div class="field">
        <label for=${id}>${s.token}</label>
        <p class="hint" id=${`${id}-hint`}>${s.tokenHint}</p>
        ${problem ? html`<p class="field-error" id=${`${id}-error`} role="alert"><span class="visually-hidden">${s.errorPrefix} </span>${problemText(o)}</p>` : nothing}
        <input id=${id} type="password" autocomplete="off" spellcheck="false" aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? `${id}-hint ${id}-error` : `${id}-hint`} />
      </div>
      <div><button type="submit" class="primary" ?disabled=${o.checking}>${o.checking ? s.signingIn : s.signIn}</button></div>
    </form>
  `;
}
