import {UnsubscribeToken, type OutboxSummary} from '@cpts-kit/contract';
import {Hono} from 'hono';
import * as z from 'zod/mini';
import {requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {escapeHtml} from '../mail-messages.js';
import {mailKey} from '../mail-key.js';
import {maskAddress, openRecipient, readUnsubscribeToken, unsubscribe, type MessageKind} from '../outbox.js';
import {notFound} from '../problems.js';
import {validate} from '../validate.js';

interface OutboxRow {
  id: string;
  kind: MessageKind;
  status: OutboxSummary['items'][number]['status'];
  recipient_encrypted: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
}

const TokenParam = z.object({token: UnsubscribeToken});

const CATEGORY_FR: Record<string, string> = {
  status: 'les nouvelles de votre demande',
  coordination: 'les alertes et le résumé quotidien des inscriptions',
  proposals: 'les propositions de patients',
  reminders: 'les rappels de mise à jour de vos disponibilités',
};

/** A page a mail client opens: French, no script, no style, nothing but text and one button. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function messageRoutes({db, keys, config}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');

  const claimOf = async (token: string) => {
    const claim = readUnsubscribeToken(await mailKey(db, keys), token);
    if (!claim || !CATEGORY_FR[claim.category]) throw notFound('Ce lien de désinscription est invalide ou abîmé : copiez-le en entier depuis le message.');
    return claim;
  };

  const htmlHeaders = {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; form-action 'self'"};

  return new Hono<AppEnv>()
    .get('/v1/territories/:t/outbox', coordinator, async (c) => {
      const territory = c.get('territory').slug;
      const counted = await db.query<{status: keyof OutboxSummary['counts']; n: number}>(
        'select status, count(*)::int as n from outbox where territory = $1 group by status',
        [territory],
      );
      const counts = {pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0};
      for (const r of counted) counts[r.status] = r.n;
      const rows = await db.query<OutboxRow>(
        `select id, kind, status, recipient_encrypted, attempts, last_error, next_attempt_at, created_at from outbox
          where territory = $1 and status in ('pending', 'sending', 'failed') order by created_at, id limit 100`,
        [territory],
      );
      const masked = (sealed: string | null) => {
        if (sealed === null) return 'coordination';
        try {
          return maskAddress(openRecipient(keys, sealed));
        } catch {
          return '•••';
        }
      };
      const body: OutboxSummary = {
        smtpConfigured: config.mailConfigured === true,
        counts,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          recipient: masked(r.recipient_encrypted),
          attempts: r.attempts,
          lastError: r.last_error,
          nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
      c.header('Cache-Control', 'private, no-store');
      return c.json(body);
    })
    .get('/v1/unsubscribe/:token', validate('param', TokenParam), async (c) => {
      const token = c.req.valid('param').token;
      const claim = await claimOf(token);
      const form = `<p>Vous ne recevrez plus ${escapeHtml(CATEGORY_FR[claim.category]!)}. Les autres messages, et la demande elle-même, ne changent pas.</p>
<form method="post" action="${escapeHtml(token)}"><button type="submit">Confirmer la désinscription</button></form>`;
      return c.body(page('Se désinscrire', form), 200, htmlHeaders);
    })
    .post('/v1/unsubscribe/:token', validate('param', TokenParam), async (c) => {
      const claim = await claimOf(c.req.valid('param').token);
      await unsubscribe(db, claim);
      return c.body(page('Désinscription enregistrée', `<p>C’est fait : vous ne recevrez plus ${escapeHtml(CATEGORY_FR[claim.category]!)}.</p>`), 200, htmlHeaders);
    });
}
