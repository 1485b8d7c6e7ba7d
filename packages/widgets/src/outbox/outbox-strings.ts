import type {MessageKind, MessageStatus} from '@cpts-kit/contract';
import {defineStrings} from '../translations/bundle.js';

/** Strings of `<cpts-outbox>`, one chunk per language. */
export interface OutboxStrings {
  title: string;
  loading: string;
  refresh: string;
  /** SMTP is not configured on the server: every message waits. */
  notConfigured: (waiting: number) => string;
  counts: (c: Record<MessageStatus, number>) => string;
  caption: string;
  columns: {kind: string; recipient: string; status: string; attempts: string; lastError: string; createdAt: string};
  kinds: Record<MessageKind, string>;
  statuses: Record<MessageStatus, string>;
  /** The territory's own contact address (coordinator messages). */
  coordination: string;
  nextAttempt: (date: string) => string;
  empty: string;
  signedOut: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    /** `<cpts-outbox>`. */
    outbox: OutboxStrings;
  }
}

export const outboxStrings = defineStrings<'outbox'>({
  fr: () => import('./outbox-strings.fr.js').then((m) => m.fr),
  en: () => import('./outbox-strings.en.js').then((m) => m.en),
});
