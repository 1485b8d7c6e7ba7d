import {FOOTER, TEMPLATES, type MessageContext} from './mail-strings.js';
import type {MessageKind, MessageLanguage} from './outbox.js';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface RenderInput {
  kind: MessageKind;
  language: MessageLanguage;
  data: Record<string, unknown>;
  territory: {name: string; phone: string; website: string | null};
  /** The link to stop this kind of message; absent for the receipt. */
  unsubscribeUrl?: string | undefined;
}

const HTML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Every interpolated value goes through here: a CPTS name or a reference is text, never markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

function contextOf(input: RenderInput): MessageContext {
  const d = input.data;
  return {
    cpts: input.territory.name,
    phone: input.territory.phone,
    reference: str(d.reference),
    count: typeof d.count === 'number' ? d.count : 0,
    references: Array.isArray(d.references) ? d.references.filter((r): r is string => typeof r === 'string') : [],
    day: str(d.day),
    days: typeof d.days === 'number' ? d.days : 0,
    website: input.territory.website,
  };
}

/** Plain text and a simple HTML twin: one language attribute, paragraphs, a tel: link, no images, no tracking. */
export function renderMessage(input: RenderInput): RenderedMessage {
  const t = TEMPLATES[input.language][input.kind](contextOf(input));
  const footer = FOOTER[input.language];
  const phoneLine = footer.phone(input.territory.name, input.territory.phone);
  const text = [...t.paragraphs, phoneLine, '--', t.why, ...(input.unsubscribeUrl ? [`${footer.unsubscribe} : ${input.unsubscribeUrl}`] : [])].join('\n\n') + '\n';
  const tel = input.territory.phone.replace(/[^\d+]/g, '');
  const phoneHtml = escapeHtml(phoneLine).replace(escapeHtml(input.territory.phone), `<a href="tel:${escapeHtml(tel)}">${escapeHtml(input.territory.phone)}</a>`);
  const html = [
    `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head><body>`,
    ...t.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p>${phoneHtml}</p>`,
    `<hr><p><small>${escapeHtml(t.why)}</small></p>`,
    ...(input.unsubscribeUrl ? [`<p><small><a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(footer.unsubscribe)}</a></small></p>`] : []),
    '</body></html>',
  ].join('\n');
  return {subject: t.subject, text, html};
}
