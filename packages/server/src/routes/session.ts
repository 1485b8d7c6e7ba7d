import type {CoordinatorNames, Me} from '@cpts-kit/contract';
import {Hono} from 'hono';
import {coordinatorName, findCaller, requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {displayName} from '../practitioners.js';
import {unauthorized} from '../problems.js';

/** Who holds the token, and who the territory's coordinators are: names only, never a token or its hash. */
export function sessionRoutes({db}: Deps) {
  return new Hono<AppEnv>()
    .get('/v1/territories/:t/me', async (c) => {
      const caller = await findCaller(db, c.get('territory').slug, c.req.header('Authorization'));
      if (!caller) throw unauthorized();
      c.header('Cache-Control', 'private, no-store');
      if (caller.kind === 'coordinator') {
        return c.json({kind: 'coordinator', name: coordinatorName(caller), label: caller.label, practitionerId: null} satisfies Me);
      }
      const [row] = await db.query<{title: string | null; first_name: string; last_name: string}>('select title, first_name, last_name from practitioners where id = $1', [
        caller.practitionerId,
      ]);
      return c.json({kind: 'practitioner', name: row ? displayName(row) : '', label: caller.label, practitionerId: caller.practitionerId} satisfies Me);
    })
    .get('/v1/territories/:t/coordinators', requireAuth(db, 'coordinator'), async (c) => {
      // the names the waiting list assigns to: labels of the tokens still in use (an unlabelled token names nobody)
      const rows = await db.query<{label: string}>(
        `select distinct label from tokens
          where territory = $1 and kind = 'coordinator' and revoked_at is null and (expires_at is null or expires_at > now())
            and label is not null and btrim(label) <> ''`,
        [c.get('territory').slug],
      );
      c.header('Cache-Control', 'private, no-store');
      return c.json({names: rows.map((r) => r.label).sort((a, b) => a.localeCompare(b, 'fr'))} satisfies CoordinatorNames);
    });
}
