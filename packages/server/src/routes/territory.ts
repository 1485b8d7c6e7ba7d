import {TerritoryPatch} from '@cpts-kit/contract';
import {Hono} from 'hono';
import {actorName, findCaller, requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {jsonWithEtag} from '../http.js';
import {audit, findTerritory, territoryBody} from '../territories.js';
import {validate} from '../validate.js';

export function territoryRoutes({db, communes, territories}: Deps) {
  return new Hono<AppEnv>()
    .get('/v1/territories/:t', async (c) => {
      const caller = c.req.header('Authorization') ? await findCaller(db, c.get('territory').slug, c.req.header('Authorization')) : null;
      const isCoordinator = caller?.kind === 'coordinator';
      return jsonWithEtag(c, await territoryBody(communes, c.get('territory'), isCoordinator), isCoordinator ? 'private' : 'public');
    })
    .patch('/v1/territories/:t', requireAuth(db, 'coordinator'), validate('json', TerritoryPatch), async (c) => {
      const patch = c.req.valid('json');
      const slug = c.get('territory').slug;
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (patch.name !== undefined) set('name', patch.name);
      if (patch.phone !== undefined) set('phone', patch.phone);
      if (patch.email !== undefined) set('email', patch.email);
      if (patch.website !== undefined) set('website', patch.website);
      if (patch.privacyNotice !== undefined) {
        set('privacy_summary', patch.privacyNotice.summary);
        set('privacy_url', patch.privacyNotice.url);
      }
      if (patch.retentionDays !== undefined) set('retention_days', patch.retentionDays);
      if (patch.staleAfterDays !== undefined) set('stale_after_days', patch.staleAfterDays);
      if (patch.allowedOrigins !== undefined) set('allowed_origins', patch.allowedOrigins.map((o) => o.toLowerCase()));
      if (sets.length > 0) {
        params.push(slug);
        await db.query(`update territories set ${sets.join(', ')}, version = version + 1, updated_at = now() where slug = $${params.length}`, params);
        await audit(db, {territory: slug, actor: actorName(c.get('caller')), action: 'territory.patch', target: slug, details: {fields: Object.keys(patch)}});
        territories.forget(slug);
      }
      const row = await findTerritory(db, slug);
      return jsonWithEtag(c, await territoryBody(communes, row!, true), 'private');
    });
}
