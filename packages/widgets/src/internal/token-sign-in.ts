import {html, nothing, type TemplateResult} from 'lit';

export interface TokenSignInOptions {
  /** Prefix of the ids (`<prefix>-token`, `<prefix>-token-error`…), unique within the shadow root. */
  idPrefix: string;
  strings: {title: string; token: string; hint: string; signIn: string; error: string};
  failed: boolean;
  checking: boolean;
  onInput: (token: string) => void;
  onSubmit: () => void;
}

/**
 * A coordinator's sign-in: one password-type field for the token, its hint, and the refusal by
 * the field. The token is handed to `onInput` and never written to an attribute.
 */
export function renderTokenSignIn(o: TokenSignInOptions): TemplateResult {
  const id = `${o.idPrefix}-token`;
  return html`
    <form part="sign-in" class="sign-in" novalidate aria-labelledby=${`${o.idPrefix}-sign-in-title`}
      @submit=${(e: Event) => {
        e.preventDefault();
        o.onSubmit();
      }}>
      <h2 id=${`${o.idPrefix}-sign-in-title`}>${o.strings.title}</h2>
      <div class="field">
        <label for=${id}>${o.strings.token}</label>
        <p class="hint" id=${`${id}-hint`}>${o.strings.hint}</p>
        ${o.failed ? html`<p class="field-error" id=${`${id}-error`} role="alert">${o.strings.error}</p>` : nothing}
        <input id=${id} type="password" autocomplete="off" spellcheck="false" aria-invalid=${o.failed ? 'true' : 'false'}
          aria-describedby=${o.failed ? `${id}-hint ${id}-error` : `${id}-hint`}
          @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)} />
      </div>
      <div><button type="submit" ?disabled=${o.checking}>${o.strings.signIn}</button></div>
    </form>
  `;
}
