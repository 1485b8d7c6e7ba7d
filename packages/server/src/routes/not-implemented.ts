import {Hono} from 'hono';
import {requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {notImplemented} from '../problems.js';

/** Mounted so the API surface matches the contract; they answer 501 until built. */
export function notImplementedRoutes({db}: Deps) {
  const coordinator = requireAuth(db, 'coordinator');
  const answer501 = () => {
    throw notImplemented();
  };
  return new Hono<AppEnv>()
    .get('/v1/territories/:t/intake-requests/:id/matches', coordinator, answer501)
    .post('/v1/territories/:t/intake-requests/:id/proposals', coordinator, answer501)
    .get('/v1/territories/:t/intake-requests/:id/proposals', coordinator, answer501)
    .get('/v1/territories/:t/practitioner-offers', coordinator, answer501)
    .post('/v1/territories/:t/proposals/:id/withdraw', coordinator, answer501)
    .post('/v1/territories/:t/proposals/:id/confirm', coordinator, answer501)
    .get('/v1/territories/:t/proposals', answer501)
    .post('/v1/territories/:t/proposals/:id/accept', answer501)
    .post('/v1/territories/:t/proposals/:id/decline', answer501)
    .post('/v1/territories/:t/proposals/:id/first-consultation', answer501)
    .get('/v1/territories/:t/waiting-people', answer501)
    .post('/v1/territories/:t/waiting-people/:id/offers', answer501)
    .get('/v1/territories/:t/stats', coordinator, answer501);
}
