import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {AssistedIntakeCreate, CallLogCreate, IntakeRequest, IntakeTransition, WaitingListQuery, WaitingListSearch, WaitingRequest} from '@cpts-kit/contract';
import {buildOpenApiDocument} from '@cpts-kit/contract/openapi';

const paths = (issues: {path: PropertyKey[]}[]) => issues.map((i) => i.path.join('.'));

describe('the waiting list contract', () => {
  it('asks for a reason to close, by its field', () => {
    const result = IntakeTransition.safeParse({to: 'closed'});
    assert.equal(result.success, false);
    assert.deepEqual(paths(result.error.issues), ['closeReason']);
    assert.ok(IntakeTransition.safeParse({to: 'closed', closeReason: 'unreachable'}).success);
  });

  it('asks for a note when the reason is « other », and keeps the practitioner for « resolved »', () => {
    assert.deepEqual(paths(IntakeTransition.safeParse({to: 'closed', closeReason: 'other'}).error!.issues), ['note']);
    assert.deepEqual(paths(IntakeTransition.safeParse({to: 'contacted', resolvedPractitionerId: crypto.randomUUID()}).error!.issues), ['resolvedPractitionerId']);
  });

  it('knows the call outcomes', () => {
    assert.ok(CallLogCreate.safeParse({outcome: 'voicemail'}).success);
    assert.equal(CallLogCreate.safeParse({outcome: 'maybe'}).success, false);
  });

  it('takes phone and paper registrations with their date', () => {
    const example = {
      channel: 'paper',
      receivedOn: '2026-11-02',
      requester: {kind: 'self'},
      person: {lastName: 'Martin', firstNames: 'Paul', birthDate: '1950-01-20', phone: '03 21 11 22 33', communeInsee: '62765'},
      situation: {reason: 'moved_in'},
      priority: {ald: 'no', cssAme: 'no', pregnancy: 'no', disability: 'no', homeVisits: 'no', chronicFollowUp: 'unknown'},
    };
    assert.ok(AssistedIntakeCreate.safeParse(example).success);
    assert.equal(AssistedIntakeCreate.safeParse({...example, channel: 'form'}).success, false);
  });

  it('coerces the list filters from a query string', () => {
    const parsed = WaitingListQuery.parse({waitingMoreThanDays: '30', homeVisits: 'true', ageBand: '70_plus', sort: 'oldest'});
    assert.equal(parsed.waitingMoreThanDays, 30);
    assert.equal(parsed.homeVisits, true);
    assert.equal(WaitingListQuery.safeParse({ageBand: '50_plus'}).success, false);
  });

  it('searches with a text in the body, never a URL', () => {
    assert.equal(WaitingListSearch.safeParse({text: ''}).success, false);
    const document = buildOpenApiDocument() as {paths: Record<string, Record<string, {parameters?: {name: string}[]}>>};
    const search = document.paths['/v1/territories/{t}/intake-requests/search']!.post!;
    assert.ok(!(search.parameters ?? []).some((p) => p.name === 'text'));
  });

  it('reads a waiting request as an intake request too, so older clients still parse it', () => {
    assert.ok(WaitingRequest.shape.events);
    assert.ok(Object.keys(IntakeRequest.shape).every((k) => k in WaitingRequest.shape));
  });
});
