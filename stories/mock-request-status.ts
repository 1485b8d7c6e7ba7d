import type {RequestClosedBecause, RequestProgress, RequestStatus, Territory} from '@cpts-kit/contract';

/**
 * How the mock answers `POST …/request-status` (the status lookup):
 * - a step of the request (`received`, `in_progress`, `oriented`, `resolved`, `closed`): found;
 * - `not-found`: the one 404 the server gives to any wrong pair;
 * - `rate-limited`: 429 with `Retry-After: 600` and `retryAfter: 600` (10 minutes).
 */
export type RequestStatusMockBehaviour = RequestProgress | 'not-found' | 'rate-limited';

const since: Record<RequestProgress, string> = {received: '2026-03-03', in_progress: '2026-03-10', oriented: '2026-03-24', resolved: '2026-04-15', closed: '2026-04-02'};

function problem(status: number, code: string, title: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({type: `https://cpts-kit.fr/problems/${code}`, title, status, code, ...extra}), {
    status,
    headers: {'content-type': 'application/problem+json; charset=utf-8', ...headers},
  });
}

/** The lookup's answer: the reference sent, at the step `behaviour` names, with the territory's phone. */
export async function answerRequestStatus(
  request: Request,
  behaviour: RequestStatusMockBehaviour,
  territory: Territory,
  closedBecause: RequestClosedBecause = 'unreachable',
): Promise<Response> {
  if (behaviour === 'not-found') return problem(404, 'not_found', 'Demande introuvable');
  if (behaviour === 'rate-limited') return problem(429, 'rate_limited', 'Trop d’essais', {'retry-after': '600'}, {retryAfter: 600});
  const {reference} = (await request.json()) as {reference: string};
  const body: RequestStatus = {
    reference: reference.trim().toUpperCase(),
    status: behaviour,
    receivedOn: '2026-03-03',
    since: since[behaviour],
    closedBecause: behaviour === 'closed' ? closedBecause : null,
    territory: {name: territory.name, phone: territory.phone},
  };
  return new Response(JSON.stringify(body), {status: 200, headers: {'content-type': 'application/json; charset=utf-8'}});
}
