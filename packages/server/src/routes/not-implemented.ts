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
  return new Hono<AppEnv>().get('/v1/territories/:t/stats', coordinator, answer501).get('/v1/territories/:t/impact', answer501);
}
