import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

// Links built from data (an API answer, a territory's settings) are rendered only for these
// schemes: a `javascript:` or `data:` link stored by mistake or by an attacker renders as text.
const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** `url` when it is an absolute `https:`, `http:`, `mailto:` or `tel:` URL; undefined otherwise (no link). */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
}

/** One address, nothing a mail client would read as more headers or recipients. */
const PLAIN_EMAIL = /^[^\s?#&,;:/]+@[^\s?#&,;:/]+$/;

/** A `mailto:` link to one address, with a subject when given; undefined for anything else. */
export function mailtoHref(email: string, subject?: string): string | undefined {
  if (!PLAIN_EMAIL.test(email)) return undefined;
  return safeHref(`mailto:${email}${subject === undefined ? '' : `?subject=${encodeURIComponent(subject)}`}`);
}

/** An e-mail address: a link when it is one plain address, text otherwise. */
export function emailLink(email: string, part?: string): TemplateResult {
  const href = mailtoHref(email);
  return href ? html`<a part=${ifDefined(part)} href=${href}>${email}</a>` : html`${email}`;
}
