import {TerritoryPatch} from '@cpts-kit/contract';
import {Hono} from 'hono';
import {actorName, findCaller, requireAuth} from '../auth.js';
import type {AppEnv, Deps} from '../env.js';
import {jsonTextWithEtag, jsonWithEtag} from '../http.js';
import {notFound} from '../problems.js';
import {audit, findTerritory, TerritoryBodies, territoryBody} from '../territories.js';
import {validate} from '../validate.js';

export function territoryRoutes({db, communes, territories}: Deps) {
  const bodies = new TerritoryBodies(db);
  return new Hono<AppEnv>()
    .get('/v1/territories/:t', async (c) => {
      const slug = c.get('territory').slug;
      const caller = c.req.header('Authorization') ? await findCaller(db, slug, c.req.header('Authorization')) : null;
      const isCoordinator = caller?.kind === 'coordinator';
      const body = await bodies.get(slug, isCoordinator);
      // deleted since the territory cache last read it
      if (!body) throw notFound(`Le territoire « ${slug} » n'existe pas.`);
      return jsonTextWithEtag(c, body.text, isCoordinator ? 'private' : 'public', body.etag);
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
      if (patch.allowedOrigins !== undefined)
        set(
          'allowed_origins',
          patch.allowedOrigins.map((o) => o.toLowerCase()),
        );
      if (patch.practitionersMayPick !== undefined) set('practitioners_may_pick', patch.practitionersMayPick);
      if (patch.publishImpact !== undefined) set('publish_impact', patch.publishImpact);
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
