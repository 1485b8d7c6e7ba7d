import type {Territory} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';

/** What the reference server answers for the demo territory (trimmed to two communes). */
export function demoTerritory(overrides: Partial<Territory> = {}): Territory {
  return {
    slug: 'demo',
    name: 'CPTS de l’Audomarois',
    phone: '0321000000',
    email: 'contact@cpts-audomarois.fr',
    website: null,
    privacyNotice: {summary: 'Vos données servent uniquement à vous trouver un médecin traitant.', url: null},
    retentionDays: 730,
    staleAfterDays: 30,
    communes: [
      {insee: '62765', name: 'Saint-Omer', postalCodes: ['62500'], centre: {lat: 50.7502, lng: 2.2522}, population: 14037},
      {insee: '62040', name: 'Arques', postalCodes: ['62510'], centre: {lat: 50.7361, lng: 2.3036}, population: 9676},
    ],
    ...overrides,
  };
}

export type Answer = {status: number; body: unknown} | 'network-error';

/**
 * A stand-in for the API server, at the `fetch` level: it records every request and answers with
 * JSON or problem+json, as the server does. The widgets and the SDK above it are the real code.
 */
export class FakeServer {
  readonly requests: Request[] = [];
  private answer: Answer;
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  constructor(answer: Answer = {status: 200, body: demoTerritory()}) {
    this.answer = answer;
  }

  /** Holds every answer until `release()`, to see the loading state. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  answerWith(answer: Answer): void {
    this.answer = answer;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    this.requests.push(request);
    if (this.gate) await this.gate;
    if (request.signal.aborted) throw request.signal.reason;
    if (this.answer === 'network-error') throw new TypeError('Failed to fetch');
    const isProblem = this.answer.status >= 400;
    return new Response(JSON.stringify(this.answer.body), {
      status: this.answer.status,
      headers: {'content-type': isProblem ? 'application/problem+json' : 'application/json'},
    });
  };

  /** A real SDK client whose requests reach this fake server. No retries: tests stay fast. */
  client(territory = 'demo'): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory, fetch: this.fetch, retry: 0});
  }
}

export const notFoundProblem = {
  type: 'https://cpts-kit.fr/problems/not-found',
  title: 'Territoire introuvable',
  status: 404,
  code: 'not_found',
};

/** Replaces the page's `fetch` for widgets that build their own client; returns the undo. */
export function stubGlobalFetch(server: FakeServer): () => void {
  const original = window.fetch;
  window.fetch = server.fetch;
  return () => {
    window.fetch = original;
  };
}

/** Resolves once `predicate` holds, checking every few milliseconds (fails the test after 2 s). */
export async function until(predicate: () => boolean, what = 'condition'): Promise<void> {
  const deadline = performance.now() + 2000;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
