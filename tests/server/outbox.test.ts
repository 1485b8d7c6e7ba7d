import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {OutboxSummary} from '@cpts-kit/contract';
import {readConfig} from '../../packages/server/src/config.js';
import {deriveKeys} from '../../packages/server/src/crypto.js';
import {SmtpTransport} from '../../packages/server/src/mail-transport.js';
import {notifyProposal} from '../../packages/server/src/outbox-events.js';
import {enqueueDigests, enqueueStaleReminders} from '../../packages/server/src/outbox-schedule.js';
import {OutboxWorker} from '../../packages/server/src/outbox-worker.js';
import {purgeFinishedMessages} from '../../packages/server/src/purge.js';
import {engines} from './databases.js';
import {harness, intakeBody, SECRET, type Harness} from './helpers.js';
import {startSmtp, type TestSmtp} from './smtp.js';

const none = {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'no'};
const t = '/v1/territories/alpha';
const keys = deriveKeys(SECRET);

interface Row {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  message_id: string;
  last_error: string | null;
  dedupe_key: string;
  recipient_encrypted: string | null;
}

describe('mail configuration', () => {
  it('needs a sender with an SMTP relay, and names what is wrong', () => {
    assert.equal(readConfig({}).mail.smtpUrl, undefined);
    assert.throws(() => readConfig({CPTS_SMTP_URL: 'smtp://relay.example.fr:587'}), /CPTS_MAIL_FROM manquant/);
    assert.throws(() => readConfig({CPTS_SMTP_URL: 'http://relay.example.fr', CPTS_MAIL_FROM: 'a@b.fr'}), /CPTS_SMTP_URL invalide/);
    assert.throws(() => readConfig({CPTS_MAIL_RETRY_SECONDS: 'vite'}), /CPTS_MAIL_RETRY_SECONDS invalide/);
    const mail = readConfig({CPTS_SMTP_URL: 'smtps://u:p@relay.example.fr', CPTS_MAIL_FROM: 'CPTS <a@b.fr>', CPTS_MAIL_MAX_ATTEMPTS: '3'}).mail;
    assert.equal(mail.maxAttempts, 3);
    assert.equal(mail.retrySeconds, 60);
  });

  it('never arms the crash hook in production', () => {
    assert.equal(readConfig({CPTS_TEST_CRASH_MAIL: 'after-send'}).mail.testCrash, 'after-send');
    assert.equal(readConfig({CPTS_TEST_CRASH_MAIL: 'after-send', NODE_ENV: 'production'}).mail.testCrash, undefined);
  });
});

for (const engine of await engines()) {
  describe(`outbox and e-mail (${engine.name})`, () => {
    let h: Harness;
    let smtp: TestSmtp;
    const workers: OutboxWorker[] = [];

    const worker = (url = smtp.url) => {
      const w = new OutboxWorker({db: h.db, keys, transport: new SmtpTransport(url, 'CPTS Alpha <contact@alpha.example.fr>'), publicUrl: 'https://api.alpha.example.fr/'});
      workers.push(w);
      return w;
    };
    const rows = (kind?: string) =>
      h.db.query<Row>(
        `select id, kind, status, attempts, message_id, last_error, dedupe_key, recipient_encrypted from outbox where $1::text is null or kind = $1 order by created_at, id`,
        [kind ?? null],
      );
    const register = async (person: Record<string, unknown>, options: {lang?: string; key?: string; priority?: Record<string, string>} = {}) => {
      const res = await h.call('POST', `${t}/intake-requests`, {
        body: intakeBody({person: {...intakeBody().person, ...person}, priority: options.priority ?? none}),
        headers: {'Idempotency-Key': options.key ?? crypto.randomUUID(), 'Accept-Language': options.lang ?? 'fr'},
      });
      assert.equal(res.status, 201, res.text);
      return res.body as {id: string; reference: string};
    };
    const young = {birthDate: '1990-05-04'};

    before(async () => {
      h = await harness(engine);
      smtp = await startSmtp();
    });
    beforeEach(async () => {
      await h.db.query('delete from outbox');
      smtp.received.length = 0;
      smtp.mode = 'ok';
      smtp.refuse.clear();
    });
    after(async () => {
      for (const w of workers) w['options'].transport?.close();
      await smtp.close();
      await h.close();
    });

    it('sends the receipt in the form’s language, with the reference, the CPTS phone and the Message-ID fixed at registration', async () => {
      const {reference} = await register({...young, lastName: 'Courrier', email: 'anna@exemple.fr'}, {lang: 'en'});
      const [row] = await rows('receipt');
      assert.equal(row?.status, 'pending', 'written with the request, before any sending');
      assert.ok(row.recipient_encrypted && !row.recipient_encrypted.includes('anna'), 'the address is sealed at rest');
      assert.equal(await worker().sendDue(), 1);
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0]!;
      assert.deepEqual(mail.to, ['anna@exemple.fr']);
      assert.equal(mail.headers.get('message-id'), row.message_id);
      assert.match(mail.subject, new RegExp(`your request ${reference} is registered`));
      assert.match(mail.text, /03 21 00 00 00/);
      assert.match(mail.text, /You receive this message because/);
      assert.match(mail.html, /<html lang="en">/);
      assert.match(mail.html, /href="tel:0321000000"/);
      assert.equal(mail.headers.get('list-unsubscribe'), undefined, 'the receipt is not optional');
      assert.equal((await rows('receipt'))[0]?.status, 'sent');
    });

    it('writes one receipt per form, whatever the retries of the same Idempotency-Key', async () => {
      const key = crypto.randomUUID();
      await register({...young, lastName: 'Deuxfois', email: 'deux@exemple.fr'}, {key});
      await register({...young, lastName: 'Deuxfois', email: 'deux@exemple.fr'}, {key});
      assert.equal((await rows('receipt')).length, 1);
    });

    it('writes nothing to the person without an e-mail, and alerts the coordination at once for a priority registration', async () => {
      const {reference} = await register({lastName: 'Prioritaire'}, {priority: {...none, ald: 'yes'}});
      assert.deepEqual(
        (await rows()).map((r) => r.kind),
        ['priority_alert'],
      );
      await worker().sendDue();
      assert.deepEqual(smtp.received[0]?.to, ['contact@alpha.example.fr']);
      assert.match(smtp.received[0].subject, new RegExp(reference));
      assert.doesNotMatch(smtp.received[0].text, /Prioritaire/, 'no name in the alert');
      assert.match(smtp.received[0].headers.get('list-unsubscribe') ?? '', /^<https:\/\/api\.alpha\.example\.fr\/v1\/unsubscribe\//);
    });

    it('escapes every value put in the HTML', async () => {
      await h.db.query(`update territories set name = 'CPTS <b>Alpha</b> & "Co"' where slug = 'alpha'`);
      try {
        await register({...young, lastName: 'Echappe', email: 'echappe@exemple.fr'});
        await worker().sendDue();
        const html = smtp.received[0]!.html;
        assert.match(html, /CPTS &lt;b&gt;Alpha&lt;\/b&gt; &amp; &quot;Co&quot;/);
        assert.doesNotMatch(html, /<b>Alpha/);
      } finally {
        await h.db.query(`update territories set name = 'CPTS Alpha' where slug = 'alpha'`);
      }
    });

    it('marks a refused recipient failed without blocking the registration or the other messages', async () => {
      smtp.refuse.add('inconnu@exemple.fr');
      const refused = await register({...young, lastName: 'Refuse', email: 'inconnu@exemple.fr'});
      await register({...young, lastName: 'Accepte', email: 'ok@exemple.fr'});
      assert.equal((await h.call('GET', `${t}/intake-requests/${refused.id}`, {token: h.token})).status, 200);
      assert.equal(await worker().sendDue(), 2);
      const byStatus = Object.fromEntries((await rows('receipt')).map((r) => [r.status, r]));
      assert.match(byStatus.failed?.last_error ?? '', /^550/);
      assert.doesNotMatch(byStatus.failed?.last_error ?? '', /inconnu@/, 'no address in the error kept');
      assert.ok(byStatus.sent);
      assert.deepEqual(
        smtp.received.map((m) => m.to[0]),
        ['ok@exemple.fr'],
      );
    });

    it('keeps a message through a relay in trouble and an unreachable one, then delivers it once', async () => {
      await register({...young, lastName: 'Patiente', email: 'patiente@exemple.fr'});
      smtp.mode = 'tempfail';
      assert.equal(await worker().sendDue(), 1);
      let [row] = await rows('receipt');
      assert.equal(row?.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /451/);
      assert.equal(await worker().sendDue(), 0, 'not due before its backoff');
      const closed = await startSmtp();
      await closed.close();
      await h.db.query('update outbox set next_attempt_at = now()');
      await worker(closed.url).sendDue();
      [row] = await rows('receipt');
      assert.equal(row?.status, 'pending', row?.last_error ?? '');
      assert.equal(row.attempts, 2);
      smtp.mode = 'ok';
      await h.db.query('update outbox set next_attempt_at = now()');
      await worker().sendDue();
      assert.equal((await rows('receipt'))[0]?.status, 'sent');
      assert.equal(smtp.received.length, 1);
    });

    it('leaves every message pending without SMTP, and the coordinators’ outbox says so without bodies', async () => {
      await register({...young, lastName: 'Attente', email: 'marie.attente@exemple.fr'});
      const idle = new OutboxWorker({db: h.db, keys, publicUrl: 'http://127.0.0.1/'});
      assert.equal(await idle.sendDue(), 0);
      const res = await h.call('GET', `${t}/outbox`, {token: h.token});
      assert.equal(res.status, 200);
      const box = OutboxSummary.parse(res.body);
      assert.equal(box.smtpConfigured, false);
      assert.equal(box.counts.pending, 1);
      assert.equal(box.items[0]?.recipient, 'm•••@exemple.fr');
      assert.doesNotMatch(res.text, /attente@|Attente/);
      assert.equal((await h.call('GET', `${t}/outbox`)).status, 401);
      assert.equal((await h.call('GET', `${t}/outbox`, {token: h.betaToken})).status, 401);
    });

    it('tells the person when the request is oriented, and stops the optional notes once they unsubscribe', async () => {
      const {id, reference} = await register({...young, lastName: 'Suivie', email: 'suivie@exemple.fr'});
      const moved = await h.call('POST', `${t}/intake-requests/${id}/transitions`, {token: h.token, body: {to: 'oriented'}});
      assert.equal(moved.status, 200, moved.text);
      await worker().sendDue();
      const note = smtp.received.find((m) => m.subject.includes('avance'));
      assert.ok(note, 'the note was sent');
      assert.match(note.subject, new RegExp(reference));
      const link = /<(https:[^>]+)>/.exec(note.headers.get('list-unsubscribe') ?? '')?.[1];
      assert.ok(link);
      const path = new URL(link).pathname;
      const page = await h.call('GET', path);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(page.text, /<form method="post"/);
      assert.equal((await h.db.query('select 1 from mail_unsubscribes')).length, 0, 'opening the link changes nothing');
      for (let i = 0; i < 2; i++)
        assert.equal((await h.call('POST', path, {body: 'List-Unsubscribe=One-Click', headers: {'Content-Type': 'application/x-www-form-urlencoded'}})).status, 200);
      assert.equal((await h.db.query('select 1 from mail_unsubscribes')).length, 1, 'idempotent');
      await h.call('POST', `${t}/intake-requests/${id}/transitions`, {token: h.token, body: {to: 'closed', closeReason: 'found_alone'}});
      const before = smtp.received.length;
      await worker().sendDue();
      assert.equal(smtp.received.length, before);
      assert.equal((await rows('request_closed'))[0]?.status, 'skipped');
      const forged = path.slice(0, -3) + (path.endsWith('AAA') ? 'BBB' : 'AAA');
      const refused = await h.call('POST', forged);
      assert.equal(refused.status, 404);
      assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await h.call('GET', '/v1/unsubscribe/pas-un-jeton')).status, 400);
    });

    it('tells a practitioner of a proposal, naming nobody', async () => {
      const created = await h.call('POST', `${t}/practitioners`, {
        token: h.token,
        body: {profession: 'medecin_generaliste', communeInsee: '62765', firstName: 'Jo', lastName: 'Proposé', phone: '03 21 00 00 02', email: 'dr.jo@exemple.fr'},
      });
      assert.equal(created.status, 201, created.text);
      const {id: requestId} = await register({...young, lastName: 'Secrete'});
      const proposalId = crypto.randomUUID();
      await h.db.transaction(async (tx) => {
        await tx.query(
          `insert into proposals (id, territory, request_id, practitioner_id, origin, status, proposed_by) values ($1, 'alpha', $2, $3, 'coordinator', 'pending', 'test')`,
          [proposalId, requestId, created.body.id],
        );
        await notifyProposal(tx, keys, 'alpha', proposalId, created.body.id);
        await notifyProposal(tx, keys, 'alpha', proposalId, created.body.id);
      });
      assert.equal((await rows('proposal')).length, 1);
      await worker().sendDue();
      const mail = smtp.received.find((m) => m.to[0] === 'dr.jo@exemple.fr');
      assert.ok(mail);
      assert.doesNotMatch(mail.text, /Secrete/);
      assert.match(mail.text, /lien personnel/);
    });

    it('reminds a practitioner of a stale declaration at most once per staleness period, with no link in it', async () => {
      const created = await h.call('POST', `${t}/practitioners`, {
        token: h.token,
        body: {profession: 'medecin_generaliste', communeInsee: '62765', firstName: 'Lou', lastName: 'Oubli', phone: '03 21 00 00 03', email: 'dr.lou@exemple.fr'},
      });
      const link = await h.call('POST', `${t}/practitioners/${created.body.id}/link`, {token: h.token, body: {expiresInDays: 30}});
      await h.db.query(
        `insert into availability_declarations (id, practitioner_id, declaration, visibility, declared_at, declared_by) values ($1, $2, '{}', 'public', now() - interval '40 days', 'test')`,
        [crypto.randomUUID(), created.body.id],
      );
      const now = new Date();
      assert.equal(await enqueueStaleReminders(h.db, keys, now), 1);
      assert.equal(await enqueueStaleReminders(h.db, keys, now), 0);
      assert.equal(await enqueueStaleReminders(h.db, keys, new Date(now.getTime() + 5 * 86_400_000)), 0, 'same period');
      assert.equal(await enqueueStaleReminders(h.db, keys, new Date(now.getTime() + 25 * 86_400_000)), 1, 'next period');
      await worker().sendDue();
      const mails = smtp.received.filter((m) => m.to[0] === 'dr.lou@exemple.fr');
      assert.equal(mails.length, 2);
      assert.ok(mails.some((m) => /40 jours/.test(m.text)));
      for (const m of mails) assert.ok(!m.raw.includes(link.body.token), 'the personal link is never put in an e-mail');
    });

    it('sends one daily digest per territory and day, of the non-priority forms', async () => {
      const a = await register({...young, lastName: 'Hier'});
      const b = await register({...young, lastName: 'Hiera'});
      await register({lastName: 'HierPrio'}, {priority: {...none, ald: 'yes'}});
      const noon = new Date();
      noon.setUTCHours(11, 0, 0, 0);
      await h.db.query(`update intake_requests set created_at = $1::timestamptz - interval '1 day' where territory = 'alpha'`, [noon]);
      assert.equal(await enqueueDigests(h.db, keys, new Date(noon.getTime() - 6 * 3_600_000)), 0, 'not before 7:00 in Paris');
      assert.equal(await enqueueDigests(h.db, keys, noon), 1);
      assert.equal(await enqueueDigests(h.db, keys, noon), 0);
      await h.db.query(`delete from outbox where kind <> 'daily_digest'`);
      await worker().sendDue();
      const digest = smtp.received[0]!;
      assert.deepEqual(digest.to, ['contact@alpha.example.fr']);
      assert.match(digest.text, new RegExp(a.reference));
      assert.match(digest.text, new RegExp(b.reference));
      assert.doesNotMatch(digest.text, /Hier/);
      await h.db.query(`update intake_requests set created_at = now() where territory = 'alpha'`);
    });

    it('forgets finished messages after their retention, never the waiting ones', async () => {
      await register({...young, lastName: 'Ancienne', email: 'ancienne@exemple.fr'});
      await register({...young, lastName: 'Ancienne', email: 'attend@exemple.fr'});
      await h.db.query(`update outbox set created_at = now() - interval '500 days'`);
      await h.db.query(`update outbox set status = 'sent' where id = (select id from outbox order by id limit 1)`);
      assert.equal(await purgeFinishedMessages(h.db), 1);
      assert.deepEqual(
        (await rows()).map((r) => r.status),
        ['pending'],
      );
    });

    if (engine.name === 'postgres') {
      it('never lets two workers on one PostgreSQL send the same message', async () => {
        // one pool of several connections: the workers' claims really run side by side
        {
          for (let i = 0; i < 30; i++) await register({...young, lastName: `Paire${i}`, email: `paire${i}@exemple.fr`});
          const a = worker();
          const b = new OutboxWorker({db: h.db, keys, transport: new SmtpTransport(smtp.url, 'x <x@alpha.example.fr>'), publicUrl: 'https://x/'});
          workers.push(b);
          const drain = async (w: OutboxWorker) => {
            while ((await w.sendDue()) > 0);
          };
          await Promise.all([drain(a), drain(b), drain(a)]);
          const ids = smtp.received.map((m) => m.headers.get('message-id'));
          assert.equal(ids.length, 30);
          assert.equal(new Set(ids).size, 30);
        }
      });
    }
  });
}
