import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  CptsApiError,
  CptsNetworkError,
  CptsResponseError,
  CptsTimeoutError,
  createClient,
  createIntakeRequest,
  getHealth,
  getTerritory,
  isCptsApiError,
  listPublicPractitioners,
  patchIntakeRequest,
} from '@cpts-kit/sdk';

/** A stand-in for the network: answers each call with the next scripted response. */
function scriptedFetch(script: Array<(request: Request) => Response | Promise<Response>>) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push(request.clone());
    const next = script[Math.min(seen.length - 1, script.length - 1)];
    if (!next) throw new Error('no scripted response');
    return next(request);
  };
  return {fetch, seen};
}

/** A server that never answers: the request ends only when its signal aborts. */
function hangUntilAborted(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify({type: 'about:blank', title: 'Erreur', status, ...body}), {status, headers: {'content-type': 'application/problem+json'}});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

const created = {id: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10', reference: 'DEMO-2026-000001', status: 'received'};
const intake = {
  requester: {kind: 'self' as const},
  person: {lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
  situation: {reason: 'gp_retired' as const},
  priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'} as const,
  consent: true as const,
};

describe('createClient', () => {
  it('resends the same Idempotency-Key when a submission is retried after a network fault', async () => {
    const {fetch, seen} = scriptedFetch([
      () => {
        throw new TypeError('fetch failed');
      },
      () => json(created, 201),
    ]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 2});
    const result = await createIntakeRequest(client, intake);
    assert.equal(result.reference, 'DEMO-2026-000001');
    assert.equal(seen.length, 2);
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    assert.ok(keys[0]);
    assert.equal(keys[0], keys[1]);
    assert.equal(new URL(seen[0]!.url).pathname, '/v1/territories/demo/intake-requests');
  });

  it('waits and asks again while the server is still processing the same key (409)', async () => {
    const {fetch, seen} = scriptedFetch([
      () =>
        new Response(JSON.stringify({type: 'about:blank', title: 'En cours', status: 409, code: 'idempotency_in_flight'}), {
          status: 409,
          headers: {'content-type': 'application/problem+json', 'retry-after': '0'},
        }),
      () => json(created, 201),
    ]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 2});
    assert.equal((await createIntakeRequest(client, intake)).reference, 'DEMO-2026-000001');
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.headers.get('idempotency-key'), seen[1]!.headers.get('idempotency-key'));
  });

  it('uses the key the caller gives, so a manual retry is still the same submission', async () => {
    const {fetch, seen} = scriptedFetch([() => json(created, 201)]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch});
    await createIntakeRequest(client, intake, {idempotencyKey: 'form-123456'});
    assert.equal(seen[0]!.headers.get('idempotency-key'), 'form-123456');
  });

  it('does not retry a PATCH after a server error: it is not safe to repeat', async () => {
    const {fetch, seen} = scriptedFetch([() => problem(503, {code: 'unavailable'})]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, token: 't', retry: 2});
    await assert.rejects(patchIntakeRequest(client, '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10', {status: 'contacted'}), CptsApiError);
    assert.equal(seen.length, 1);
  });

  it('retries a GET after a 503, then returns the answer', async () => {
    const health = {status: 'ok', version: '1'};
    const {fetch, seen} = scriptedFetch([() => problem(503, {code: 'unavailable'}), () => json(health)]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 2});
    assert.deepEqual(await getHealth(client), health);
    assert.equal(seen.length, 2);
  });

  it('throws CptsApiError carrying the problem and its field errors', async () => {
    const errors = [{path: 'person.phone', code: 'invalid_format', message: 'numéro de téléphone invalide'}];
    const {fetch} = scriptedFetch([() => problem(400, {code: 'validation', errors})]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch});
    const error = await createIntakeRequest(client, intake).catch((e: unknown) => e);
    assert.ok(isCptsApiError(error));
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation');
    assert.deepEqual(error.fieldErrors, errors);
  });

  it('still gives a CptsApiError when a proxy answers with HTML', async () => {
    const {fetch} = scriptedFetch([() => new Response('<h1>Bad gateway</h1>', {status: 502, statusText: 'Bad Gateway'})]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 0});
    const error = await getTerritory(client).catch((e: unknown) => e);
    assert.ok(error instanceof CptsApiError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'http_502');
  });

  it('rejects a response that does not match the contract', async () => {
    const {fetch} = scriptedFetch([() => json({slug: 'demo', name: 42})]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch});
    await assert.rejects(getTerritory(client), CptsResponseError);
  });

  it('reports a network failure as CptsNetworkError once retries are spent', async () => {
    const {fetch, seen} = scriptedFetch([
      () => {
        throw new TypeError('fetch failed');
      },
    ]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, retry: 1});
    await assert.rejects(getTerritory(client), CptsNetworkError);
    assert.equal(seen.length, 2);
  });

  it('gives up after the timeout with CptsTimeoutError', async () => {
    const never = (request: Request) => hangUntilAborted(request);
    const {fetch} = scriptedFetch([never]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch, timeout: 50, retry: 0});
    await assert.rejects(getTerritory(client), CptsTimeoutError);
  });

  it('lets the caller abort a request', async () => {
    const never = (request: Request) => hangUntilAborted(request);
    const {fetch} = scriptedFetch([never]);
    const client = createClient({baseUrl: 'http://api.test', territory: 'demo', fetch});
    const controller = new AbortController();
    const pending = getTerritory(client, {signal: controller.signal});
    controller.abort();
    await assert.rejects(pending, (e: unknown) => e instanceof Error && e.name === 'AbortError');
  });

  it('sends the token, the language and query filters', async () => {
    const {fetch, seen} = scriptedFetch([() => json({items: [], nextCursor: null})]);
    const client = createClient({baseUrl: 'http://api.test/', territory: 'demo', fetch, token: 'secret', lang: 'en'});
    await listPublicPractitioners(client, {profession: 'ipa', homeVisits: true, q: undefined});
    const request = seen[0]!;
    assert.equal(request.headers.get('authorization'), 'Bearer secret');
    assert.equal(request.headers.get('accept-language'), 'en');
    const url = new URL(request.url);
    assert.equal(url.pathname, '/v1/territories/demo/practitioners');
    assert.equal(url.searchParams.get('profession'), 'ipa');
    assert.equal(url.searchParams.get('homeVisits'), 'true');
    assert.equal(url.searchParams.has('q'), false);
  });
});
