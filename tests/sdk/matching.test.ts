import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  acceptProposal,
  createClient,
  createPersonalLink,
  createProposals,
  CptsApiError,
  declineProposal,
  getIntakeRequest,
  listIntakeMatches,
  listIntakeProposals,
  listIntakeRequests,
  listOwnProposals,
  listWaitingPeople,
} from '@cpts-kit/sdk';
import {startServer} from '@cpts-kit/server';

type Running = Awaited<ReturnType<typeof startServer>>;

describe('the SDK on matching, on the demo territory', () => {
  let server: Running;
  const token = 'sdk-matching-token-0123456789abcdef';
  const coordinator = () => createClient({baseUrl: server.url, territory: 'demo', token});

  before(async () => {
    server = await startServer({port: 0, host: '127.0.0.1', databaseUrl: 'memory://', demo: true, demoToken: token});
  });
  after(async () => {
    await server?.close();
  });

  it('finds matches for a waiting person, proposes, and the practitioner accepts from their link', async () => {
    const waiting = (await listIntakeRequests(coordinator(), {status: 'received', limit: 100})).items;
    let chosen: {id: string; practitionerId: string} | undefined;
    for (const request of waiting) {
      const list = await listIntakeMatches(coordinator(), request.id, {limit: 5});
      assert.ok(list.items.length + list.apart.length > 0, 'the demo has GPs near everyone');
      const first = list.items[0];
      if (first) {
        assert.ok(first.reasons.length > 0);
        chosen = {id: request.id, practitionerId: first.practitioner.id};
        break;
      }
    }
    assert.ok(chosen, 'someone on the demo list has a match');
    const made = await createProposals(coordinator(), chosen.id, {practitionerIds: [chosen.practitionerId], note: 'Proposée depuis le SDK.'});
    const link = await createPersonalLink(coordinator(), chosen.practitionerId, {expiresInDays: 7});
    const practitioner = createClient({baseUrl: server.url, territory: 'demo', token: link.token});
    const mine = await listOwnProposals(practitioner);
    const proposal = mine.items.find((p) => p.id === made.items[0]!.id)!;
    assert.equal(proposal.contact, null);
    const accepted = await acceptProposal(practitioner, proposal.id);
    assert.ok(accepted.contact?.lastName);
    assert.equal((await getIntakeRequest(coordinator(), chosen.id)).status, 'oriented');
    assert.equal((await listIntakeProposals(coordinator(), chosen.id)).items[0]!.status, 'accepted');

    await assert.rejects(
      declineProposal(practitioner, proposal.id, {reason: 'no_room'}),
      (e: unknown) => e instanceof CptsApiError && e.status === 409 && e.problem.code === 'proposal_closed',
    );
    await assert.rejects(listWaitingPeople(practitioner), (e: unknown) => e instanceof CptsApiError && e.status === 403);
  });
});
