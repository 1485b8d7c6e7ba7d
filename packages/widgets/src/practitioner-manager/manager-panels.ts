import {html, nothing, type TemplateResult} from 'lit';
import type {BoardRow} from '@cpts-kit/contract';
import type {PractitionerManagerStrings} from './practitioner-manager-strings.js';

/** The page a personal link opens, when the element's `link-base` is not set. */
export const DEFAULT_LINK_PAGE = '/examples/practitioner.html';

/** `base#token=…`: the token in the fragment, which browsers never send to a server. */
export function personalLinkUrl(linkBase: string | undefined, token: string): string {
  const url = new URL(linkBase?.trim() || DEFAULT_LINK_PAGE, document.baseURI);
  url.hash = `token=${encodeURIComponent(token)}`;
  return url.href;
}

export type Confirming = {kind: 'delete' | 'revoke'; row: BoardRow};

export interface IssuedLink {
  row: BoardRow;
  url: string;
  expiresAt: string;
}

/** A personal link just issued: shown once, with its expiry and a copy button. */
export function renderIssuedLink(link: IssuedLink, s: PractitionerManagerStrings, lang: string, copyStatus: string, copy: () => void, close: () => void): TemplateResult {
  const expires = new Intl.DateTimeFormat(lang, {dateStyle: 'long'}).format(new Date(link.expiresAt));
  return html`<section part="link" class="panel" aria-labelledby="pm-link-title">
    <h3 id="pm-link-title" tabindex="-1">${s.linkTitle(link.row.displayName)}</h3>
    <p class="once" id="pm-link-once">${s.linkOnce}</p>
    <div class="field">
      <label for="pm-link-url">${s.linkLabel}</label>
      <input id="pm-link-url" class="link-url" type="text" readonly spellcheck="false" .value=${link.url} aria-describedby="pm-link-once pm-link-expires"
        @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
    </div>
    <p id="pm-link-expires">${s.linkExpires(expires)}</p>
    <div class="actions">
      <button type="button" @click=${copy}>${s.copy}</button>
      <button type="button" class="secondary" @click=${close}>${s.linkDone}</button>
    </div>
    <p role="status" class="notice copy-status">${copyStatus}</p>
  </section>`;
}

/** The modal confirmation of a delete or a revocation; the caller opens it with `showModal()`. */
export function renderConfirmDialog(c: Confirming | undefined, s: PractitionerManagerStrings, confirm: () => void, cancel: () => void, onClose: () => void): TemplateResult {
  const title = c ? (c.kind === 'delete' ? s.confirmRemoveTitle(c.row.displayName) : s.confirmRevokeTitle(c.row.displayName)) : '';
  return html`<dialog part="dialog" aria-labelledby="pm-confirm-title" aria-describedby="pm-confirm-text" @close=${onClose}>
    ${
      c
        ? html`<div>
          <h3 id="pm-confirm-title">${title}</h3>
          <p id="pm-confirm-text">${c.kind === 'delete' ? s.confirmRemoveText : s.confirmRevokeText}</p>
          <div class="actions">
            <button type="button" class="danger" id="pm-confirm-ok" @click=${confirm}>${c.kind === 'delete' ? s.confirmRemove : s.confirmRevoke}</button>
            <button type="button" class="secondary" id="pm-confirm-cancel" @click=${cancel}>${s.cancel}</button>
          </div>
        </div>`
        : nothing
    }
  </dialog>`;
}
