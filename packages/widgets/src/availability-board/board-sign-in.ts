import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {BoardSession} from './board-session.js';
import type {BoardStrings} from './board-strings.js';

/** The token form, with the refusal by the field; `status` is what the live line says meanwhile. */
export function renderSignIn(session: BoardSession, t: BoardStrings, status: string): TemplateResult {
  const phase = session.phase;
  const failed = phase.kind === 'signed-out' && phase.failed;
  const checking = phase.kind === 'signing-in';
  return html`
    <form part="sign-in" class="board-sign-in" novalidate aria-labelledby="board-sign-in-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        session.submit();
      }}>
      <h3 id="board-sign-in-title">${t.signInTitle}</h3>
      <p>${t.signInIntro}</p>
      <div class="field">
        <label for="board-token">${t.token}</label>
        <p class="hint" id="board-token-hint">${t.tokenHint}</p>
        ${failed ? html`<p class="field-error" id="board-token-error"><span class="visually-hidden">${t.errorPrefix} </span>${t.signInError}</p>` : nothing}
        <input id="board-token" type="password" autocomplete="off" spellcheck="false" aria-invalid=${failed ? 'true' : 'false'}
          aria-describedby=${failed ? 'board-token-hint board-token-error' : 'board-token-hint'}
          .value=${live(session.tokenInput)}
          @input=${(e: Event) => (session.tokenInput = (e.target as HTMLInputElement).value)} />
      </div>
      <div><button type="submit" class="primary" ?disabled=${checking}>${t.signIn}</button></div>
      <p role="status" class="loading">${checking ? t.checking : status}</p>
    </form>
  `;
}
