import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {MatchList, OwnProposal, OwnProposals, ProposalList, WaitingPeople} from '@cpts-kit/contract';
import {engines} from './databases.js';
import {declaration, harness, intakeBody, type Harness} from './helpers.js';

const none = {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'no'};

for (const engine of await engines()) {
  describe(`matching (${engine.name})`, () => {
    let h: Harness;
    const gp: Record<string, {id: string; link: string}> = {};
    const req: Record<string, string> = {};
    const t = '/v1/territories/alpha';

    async function addGp(key: string, lastName: string, communeInsee: string, declared: Record<string, unknown> | null) {
      const created = await h.call('POST', `${t}/practitioners`, {
        token: h.token,
        body: {profession: 'medecin_generaliste', communeInsee, firstName: 'Jo', lastName, phone: '03 21 00 00 01'},
      });
      assert.equal(created.status, 201, created.text);
      const link = await h.call('POST', `${t}/practitioners/${created.body.id}/link`, {token: h.token, body: {expiresInDays: 30}});
      gp[key] = {id: created.body.id, link: link.body.token};
      if (declared) {
        const put = await h.call('PUT', `${t}/availability`, {token: link.body.token, body: declaration(declared)});
        assert.equal(put.status, 200, put.text);
      }
    }
    const intake = async (body: Record<string, unknown>) => {
      const res = await h.call('POST', `${t}/intake-requests`, {body: intakeBody(body), headers: {'Idempotency-Key': crypto.randomUUID()}});
      assert.equal(res.status, 201, res.text);
      return res.body.id as string;
    };
    const matches = async (id: string) => {
      const res = await h.call('GET', `${t}/intake-requests/${id}/matches`, {token: h.token});
      assert.equal(res.status, 200, res.text);
      return MatchList.parse(res.body);
    };
    const propose = (id: string, keys: string[], note?: string) =>
      h.call('POST', `${t}/intake-requests/${id}/proposals`, {token: h.token, body: {practitionerIds: keys.map((k) => gp[k]!.id), ...(note ? {note} : {})}});
    const own = async (key: string) => OwnProposals.parse((await h.call('GET', `${t}/proposals`, {token: gp[key]!.link})).body);
    const status = async (id: string) => (await h.call('GET', `${t}/intake-requests/${id}`, {token: h.token})).body.status as string;

    before(async () => {
      h = await harness(engine);
      const open = {accepting: 'yes', patientScope: ['all'], homeVisits: false, homeVisitCommunes: []};
      await addGp('homeVisits', 'Adam', '62765', {...open, monthlyQuota: 2, homeVisits: true, homeVisitCommunes: ['62765']});
      await addGp('arques', 'Bernard', '62040', {...open, monthlyQuota: null});
      await addGp('full', 'Caron', '62765', {...open, accepting: 'no'});
      await addGp('stale', 'Dumas', '62765', open);
      await addGp('never', 'Evrard', '62691', null);
      await addGp('children', 'Faure', '62765', {...open, patientScope: ['children']});
      await h.db.query("update availability_declarations set declared_at = now() - interval '90 days' where practitioner_id = $1", [gp.stale!.id]);
      // 1948, Saint-Omer, needs home visits (the helper's default person)
      req.old = await intake({});
      req.arques = await intake({person: {...intakeBody().person, lastName: 'Petit', birthDate: '1985-01-10', communeInsee: '62040'}, priority: none});
      req.other = await intake({person: {...intakeBody().person, lastName: 'Roux', birthDate: '1990-01-10', communeInsee: '62040'}, priority: none});
    });
    after(() => h.close());

    it('ranks only who can take the person, with reasons, and keeps stale or missing declarations apart', async () => {
      const list = await matches(req.old!);
      assert.deepEqual(
        list.items.map((m) => m.practitioner.id),
        [gp.homeVisits!.id],
        'home visits needed: only the GP visiting Saint-Omer; not the one at no, nor the children-only one',
      );
      const reasons = list.items[0]!.reasons;
      assert.deepEqual(reasons[0], {code: 'same_commune'});
      assert.ok(reasons.some((r) => r.code === 'home_visits' && r.commune.length > 0));
      assert.deepEqual(
        reasons.find((r) => r.code === 'places_left'),
        {code: 'places_left', count: 2},
      );
      assert.deepEqual(
        reasons.find((r) => r.code === 'declared_days_ago'),
        {code: 'declared_days_ago', days: 0},
      );
      assert.deepEqual(new Set(list.apart.map((m) => m.practitioner.id)), new Set([gp.stale!.id, gp.never!.id]));
      assert.equal(list.apart.find((m) => m.practitioner.id === gp.never!.id)!.freshness, 'never');
      assert.equal(list.person.ageBand, '70_plus');
      assert.equal(list.person.homeVisits, true);
    });

    it('orders by distance: the same commune first, then farther', async () => {
      const list = await matches(req.arques!);
      assert.deepEqual(
        list.items.map((m) => m.practitioner.id),
        [gp.arques!.id, gp.homeVisits!.id],
      );
      const far = list.items[1]!;
      assert.ok(far.distanceKm! > 0 && far.distanceKm! < 30, `distance ${far.distanceKm}`);
      assert.ok(far.reasons.some((r) => r.code === 'distance'));
      assert.ok(list.items[0]!.reasons.some((r) => r.code === 'no_quota'));
    });

    it('refuses a proposal to a practitioner who cannot take the person, with the reason, and makes none', async () => {
      const res = await propose(req.old!, ['homeVisits', 'arques', 'full']);
      assert.equal(res.status, 409);
      assert.match(res.headers.get('content-type')!, /problem\+json/);
      assert.deepEqual(
        res.body.errors.map((e: {path: string; code: string}) => [e.path, e.code]),
        [
          ['practitionerIds.1', 'no_home_visits'],
          ['practitionerIds.2', 'not_accepting'],
        ],
      );
      assert.deepEqual(ProposalList.parse((await h.call('GET', `${t}/intake-requests/${req.old}/proposals`, {token: h.token})).body).items, []);
    });

    it('shows the practitioner the minimum, then the contact on accepting: oriented, one place used, audited', async () => {
      const made = await propose(req.old!, ['homeVisits'], 'Préfère le matin.');
      assert.equal(made.status, 201, made.text);
      const before = await own('homeVisits');
      const waiting = before.items[0]!;
      assert.equal(waiting.status, 'pending');
      assert.equal(waiting.contact, null);
      assert.equal(waiting.note, 'Préfère le matin.');
      assert.ok(!JSON.stringify(waiting).includes('Dupont'), 'no name before accepting');
      assert.deepEqual(before.quota, {monthlyQuota: 2, usedThisMonth: 0, placesLeft: 2});

      const accepted = await h.call('POST', `${t}/proposals/${waiting.id}/accept`, {token: gp.homeVisits!.link});
      assert.equal(accepted.status, 200, accepted.text);
      const body = OwnProposal.parse(accepted.body);
      assert.equal(body.contact!.lastName, 'Dupont');
      assert.equal(body.contact!.phone, '06 12 34 56 78');
      assert.equal(await status(req.old!), 'oriented');
      assert.deepEqual((await own('homeVisits')).quota, {monthlyQuota: 2, usedThisMonth: 1, placesLeft: 1});
      assert.equal((await matches(req.arques!)).items.find((m) => m.practitioner.id === gp.homeVisits!.id)!.placesLeft, 1);
      const board = (await h.call('GET', `${t}/availability-board`, {token: h.token})).body;
      assert.equal(board.items.find((r: {practitionerId: string}) => r.practitionerId === gp.homeVisits!.id).takenThisMonth, 1);

      const actions = (await h.db.query<{action: string; actor: string}>('select action, actor from audit_log where target = $1 order by at', [req.old])).map((r) => r.action);
      for (const a of ['proposal.create', 'proposal.accept', 'proposal.contact_read']) assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
      // the contact is the accepting practitioner's only
      assert.ok((await own('arques')).items.every((p) => p.contact === null));
      const withdrawn = await h.call('POST', `${t}/proposals/${waiting.id}/withdraw`, {token: h.token});
      assert.equal(withdrawn.status, 409);
      assert.equal(withdrawn.body.code, 'proposal_closed');
    });

    it('lets exactly one of two simultaneous accepts win; the other is told kindly', async () => {
      const made = await propose(req.arques!, ['arques', 'homeVisits']);
      assert.equal(made.status, 201, made.text);
      const byGp = new Map(ProposalList.parse(made.body).items.map((p) => [p.practitioner.id, p.id]));
      const [a, b] = await Promise.all([
        h.call('POST', `${t}/proposals/${byGp.get(gp.arques!.id)}/accept`, {token: gp.arques!.link}),
        h.call('POST', `${t}/proposals/${byGp.get(gp.homeVisits!.id)}/accept`, {token: gp.homeVisits!.link}),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.body.code, 'already_taken');
      assert.match(loser.body.detail, /Un autre professionnel/);
      const proposals = ProposalList.parse((await h.call('GET', `${t}/intake-requests/${req.arques}/proposals`, {token: h.token})).body).items;
      assert.deepEqual(proposals.map((p) => p.status).sort(), ['accepted', 'filled']);
    });

    it('keeps the request open on a decline, and refuses a withdrawn proposal or a revoked link', async () => {
      const made = ProposalList.parse((await propose(req.other!, ['arques'])).body).items[0]!;
      const declined = await h.call('POST', `${t}/proposals/${made.id}/decline`, {token: gp.arques!.link, body: {reason: 'too_far', note: 'Trop loin'}});
      assert.equal(declined.status, 200, declined.text);
      assert.equal(declined.body.declineReason, 'too_far');
      assert.equal(await status(req.other!), 'received');

      const second = ProposalList.parse((await propose(req.other!, ['arques'])).body).items[0]!;
      assert.equal((await h.call('POST', `${t}/proposals/${second.id}/withdraw`, {token: h.token})).status, 200);
      const late = await h.call('POST', `${t}/proposals/${second.id}/accept`, {token: gp.arques!.link});
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'proposal_closed');
      assert.match(late.body.detail, /retiré/);
      assert.equal(await status(req.other!), 'received');

      const third = ProposalList.parse((await propose(req.other!, ['arques'])).body).items[0]!;
      assert.equal((await h.call('DELETE', `${t}/practitioners/${gp.arques!.id}/link`, {token: h.token})).status, 204);
      assert.equal((await h.call('POST', `${t}/proposals/${third.id}/accept`, {token: gp.arques!.link})).status, 401);
      assert.equal(await status(req.other!), 'received');
    });

    it('refuses a practitioner at quota', async () => {
      // the race above may have given this GP their second place: fill the quota either way
      if ((await own('homeVisits')).quota.usedThisMonth < 2) {
        const extra = await intake({person: {...intakeBody().person, lastName: 'Quota', communeInsee: '62765'}});
        const p = ProposalList.parse((await propose(extra, ['homeVisits'])).body).items[0]!;
        assert.equal((await h.call('POST', `${t}/proposals/${p.id}/accept`, {token: gp.homeVisits!.link})).status, 200);
      }
      assert.deepEqual((await own('homeVisits')).quota.placesLeft, 0);
      const another = await intake({person: {...intakeBody().person, lastName: 'Encore', communeInsee: '62765'}});
      const res = await propose(another, ['homeVisits']);
      assert.equal(res.status, 409);
      assert.equal(res.body.errors[0].code, 'at_quota');
      assert.ok(!(await matches(another)).items.some((m) => m.practitioner.id === gp.homeVisits!.id));
    });

    it('refuses to accept for a request the coordinator closed meanwhile, changing nothing', async () => {
      await addGp('arquesBis', 'Blanc', '62040', {accepting: 'yes', patientScope: ['all'], homeVisits: false, homeVisitCommunes: [], monthlyQuota: 3});
      const id = await intake({person: {...intakeBody().person, lastName: 'Partie', communeInsee: '62040'}, priority: none});
      const p = ProposalList.parse((await propose(id, ['arquesBis'])).body).items[0]!;
      const closed = await h.call('POST', `${t}/intake-requests/${id}/transitions`, {token: h.token, body: {to: 'closed', closeReason: 'moved_away'}});
      assert.equal(closed.status, 200, closed.text);
      const late = await h.call('POST', `${t}/proposals/${p.id}/accept`, {token: gp.arquesBis!.link});
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'request_closed');
      assert.equal(late.body.title, 'Demande close');
      assert.equal((await own('arquesBis')).quota.usedThisMonth, 0);
      assert.equal((await own('arquesBis')).items[0]!.status, 'filled', 'no longer shown as waiting for an answer');
      assert.equal(await status(id), 'closed');
    });

    it('never lets one practitioner take more places than their quota, even accepting two people at once', async () => {
      await addGp('onePlace', 'Hamon', '62040', {accepting: 'yes', patientScope: ['all'], homeVisits: false, homeVisitCommunes: [], monthlyQuota: 1});
      const people = [await intake({person: {...intakeBody().person, lastName: 'Un', communeInsee: '62040'}, priority: none})];
      people.push(await intake({person: {...intakeBody().person, lastName: 'Deux', communeInsee: '62040'}, priority: none}));
      const ids = [];
      for (const id of people) ids.push(ProposalList.parse((await propose(id, ['onePlace'])).body).items[0]!.id);
      const answers = await Promise.all(ids.map((id) => h.call('POST', `${t}/proposals/${id}/accept`, {token: gp.onePlace!.link})));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
      assert.equal(answers.find((a) => a.status === 409)!.body.code, 'at_quota');
      assert.deepEqual((await own('onePlace')).quota, {monthlyQuota: 1, usedThisMonth: 1, placesLeft: 0});
    });

    it('lets practitioners pick only where the territory allows it, the coordinator confirming', async () => {
      await addGp('picker', 'Garnier', '62040', {accepting: 'yes', patientScope: ['all'], homeVisits: false, homeVisitCommunes: [], monthlyQuota: 3});
      const closed = await h.call('GET', `${t}/waiting-people`, {token: gp.picker!.link});
      assert.equal(closed.status, 403);
      assert.equal(closed.body.code, 'picking_disabled');
      assert.equal((await h.call('PATCH', t, {token: h.token, body: {practitionersMayPick: true}})).status, 200);
      const people = WaitingPeople.parse((await h.call('GET', `${t}/waiting-people`, {token: gp.picker!.link})).body);
      const other = people.items.find((p) => p.id === req.other);
      assert.ok(other, 'the waiting person from Arques is listed');
      assert.ok(!JSON.stringify(people).includes('Roux'), 'never a name');
      assert.equal(people.items[0]!.distanceKm, 0);

      const offered = await h.call('POST', `${t}/waiting-people/${req.other}/offers`, {token: gp.picker!.link, body: {note: 'Disponible mardi.'}});
      assert.equal(offered.status, 201, offered.text);
      assert.equal(offered.body.status, 'offered');
      assert.equal(offered.body.contact, null);
      const offers = ProposalList.parse((await h.call('GET', `${t}/practitioner-offers`, {token: h.token})).body).items;
      assert.deepEqual(
        offers.map((o) => o.id),
        [offered.body.id],
      );
      const confirmed = await h.call('POST', `${t}/proposals/${offered.body.id}/confirm`, {token: h.token});
      assert.equal(confirmed.status, 200, confirmed.text);
      assert.equal(confirmed.body.status, 'accepted');
      assert.equal(await status(req.other!), 'oriented');
      const mine = (await own('picker')).items.find((p) => p.id === offered.body.id)!;
      assert.equal(mine.contact!.lastName, 'Roux');

      const done = await h.call('POST', `${t}/proposals/${mine.id}/first-consultation`, {token: gp.picker!.link});
      assert.equal(done.status, 200, done.text);
      assert.equal(await status(req.other!), 'resolved');
      const closedOffer = await h.call('POST', `${t}/waiting-people/${req.other}/offers`, {token: gp.picker!.link, body: {}});
      assert.equal(closedOffer.status, 409);
      assert.equal(closedOffer.body.code, 'request_closed');
    });
  });
}
