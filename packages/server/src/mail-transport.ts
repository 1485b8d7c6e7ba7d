import {createTransport, type NodemailerError} from 'nodemailer';

/** One message, rendered, ready for any channel. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`: the same on every attempt, so a resend after a crash shows once in mail clients. */
  messageId: string;
  language: 'fr' | 'en';
  /** RFC 8058 one-click link, for the optional messages only. */
  unsubscribeUrl?: string | undefined;
}

/** `permanent`: the provider refused this recipient or message for good; trying again would get the same answer. */
export type SendResult = {ok: true} | {ok: false; permanent: boolean; error: string};

/**
 * How messages leave the server. SMTP is the one adapter; an SMS provider would be another, with
 * its own renderer, behind the same two calls.
 */
export interface Transport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): void;
}

/** Error codes of nodemailer, without an SMTP reply, that mean the message itself is unusable (no address, say): no retry will help. */
const UNUSABLE = new Set(['EENVELOPE', 'EMESSAGE']);

/** SMTP through nodemailer, from `CPTS_SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export class SmtpTransport implements Transport {
  readonly name = 'smtp';
  private readonly mailer;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // short timeouts: a dead relay must not hold a worker for minutes; the row is retried later
    this.mailer = createTransport({url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000});
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    try {
      await this.mailer.sendMail({
        from: this.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'Content-Language': m.language,
          ...(m.unsubscribeUrl ? {'List-Unsubscribe': `<${m.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'} : {}),
        },
      });
      return {ok: true};
    } catch (error) {
      const e = error as NodemailerError;
      // a reply from the relay decides (5xx but 503: for good); without one, only a message nodemailer cannot even build is
      const permanent = e.responseCode !== undefined ? e.permanent === true : e.code !== undefined && UNUSABLE.has(e.code);
      return {ok: false, permanent, error: describe(e)};
    }
  }

  close(): void {
    this.mailer.close();
  }
}

/** What the coordinators read in the outbox: the SMTP reply or the network failure, never the address. */
function describe(e: NodemailerError): string {
  const text = e.response ?? `${e.responseCode ? `${e.responseCode} ` : ''}${e.originalCode ?? e.code ?? e.message}`;
  return text.replace(/[^\s<>]+@[^\s<>]+/g, '…').slice(0, 300);
}
