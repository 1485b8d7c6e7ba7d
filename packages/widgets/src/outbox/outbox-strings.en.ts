import type {Translation} from '../translations/translation.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: Pick<Translation, 'outbox'> = {
  outbox: {
    title: 'Messages',
    loading: 'Loading messages…',
    refresh: 'Refresh',
    notConfigured: (n) =>
      `E-mail sending is not configured on the server (CPTS_SMTP_URL): ${plural(n, 'message is', 'messages are')} waiting. They will go out once it is; until then, call the people concerned.`,
    counts: (c) => `Waiting: ${c.pending + c.sending} · Sent: ${c.sent} · Failed: ${c.failed} · Unsubscribed: ${c.skipped}`,
    caption: 'Messages waiting or failed, oldest first',
    columns: {kind: 'Message', recipient: 'Recipient', status: 'Status', attempts: 'Attempts', lastError: 'Last error', createdAt: 'Created'},
    kinds: {
      receipt: 'Receipt',
      request_oriented: 'Request oriented',
      request_closed: 'Request closed',
      priority_alert: 'Priority registration alert',
      daily_digest: 'Daily digest',
      proposal: 'Proposal to a practitioner',
      stale_reminder: 'Update reminder',
    },
    statuses: {pending: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed', skipped: 'Unsubscribed'},
    coordination: 'Coordination (the territory’s address)',
    nextAttempt: (date) => `next attempt ${date}`,
    empty: 'No message waiting or failed.',
    signedOut: 'You are signed out.',
  },
};
