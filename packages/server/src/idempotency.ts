import type {Context} from 'hono';
import {ApiProblem} from './problems.js';

/** Printable ASCII, 8 to 255 characters, as the Idempotency-Key draft allows. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

/** The request's Idempotency-Key; a 400 naming the header when it is missing or malformed. */
export function requireIdempotencyKey(c: Context): string {
  const key = c.req.header('Idempotency-Key');
  if (key && IDEMPOTENCY_KEY.test(key)) return key;
  throw new ApiProblem(400, 'idempotency_key_required', 'Clé d’idempotence manquante', {
    detail: 'Envoyez un en-tête Idempotency-Key (8 à 255 caractères), le même à chaque nouvel essai du même formulaire.',
    errors: [{path: 'Idempotency-Key', code: 'required', message: 'en-tête Idempotency-Key manquant ou invalide'}],
  });
}

/** 422: the key was first used with another body. */
export function idempotencyConflict(): ApiProblem {
  return new ApiProblem(422, 'idempotency_key_reused', 'Clé d’idempotence déjà utilisée', {
    detail: 'Cette clé Idempotency-Key a déjà servi pour un autre formulaire : envoyez une nouvelle clé pour un nouveau formulaire.',
  });
}

/**
 * Keys being processed by this process, per the Idempotency-Key draft: a retry that arrives
 * before the first answer gets 409, not a second write. Across processes on one PostgreSQL, the
 * key's unique index makes the second wait for the first's commit and then replay it.
 */
export class KeysInFlight {
  readonly #keys = new Set<string>();

  async run<T>(territory: string, key: string, work: () => Promise<T>): Promise<T> {
    const flightKey = `${territory}\n${key}`;
    if (this.#keys.has(flightKey)) {
      throw new ApiProblem(409, 'idempotency_in_flight', 'Demande déjà en cours', {
        detail: 'Un envoi avec la même clé Idempotency-Key est en cours de traitement : réessayez dans un instant avec la même clé.',
        headers: {'Retry-After': '1'},
      });
    }
    this.#keys.add(flightKey);
    try {
      return await work();
    } finally {
      this.#keys.delete(flightKey);
    }
  }
}
