import {PractitionerMapQuery} from '@cpts-kit/contract';
import {Hono} from 'hono';
import type {AppEnv, Deps} from '../env.js';
import {jsonTextWithEtag, matchesEtag, strongEtag} from '../http.js';
import {PractitionerMapCache, filterKey, type BBox} from '../practitioner-map.js';
import {validationProblem} from '../problems.js';
import {validate} from '../validate.js';

/** `minLng,minLat,maxLng,maxLat` within the globe and in that order, else a 400 naming `bbox`. */
export function parseMapBbox(text: string): BBox {
  const [west, south, east, north] = text.split(',').map(Number) as BBox;
  const message =
    west < -180 || east > 180 || south < -90 || north > 90
      ? 'bbox hors du globe : longitudes entre -180 et 180, latitudes entre -90 et 90'
      : west > east || south > north
        ? 'bbox attendue dans l’ordre minLng,minLat,maxLng,maxLat (le minimum avant le maximum)'
        : undefined;
  if (message) throw validationProblem([{path: 'bbox', code: 'invalid_bbox', message}]);
  return [west, south, east, north];
}

export function practitionerMapRoutes({db}: Deps) {
  const cache = new PractitionerMapCache(db);
  return new Hono<AppEnv>().get('/v1/territories/:t/practitioners/map', validate('query', PractitionerMapQuery), async (c) => {
    const query = c.req.valid('query');
    const bbox = parseMapBbox(query.bbox);
    const territory = c.get('territory').slug;
    const filters = {profession: query.profession, accepting: query.accepting, acceptsNew: query.acceptsNew, homeVisits: query.homeVisits};
    const version = await cache.version(territory);
    // the answer is a function of the version and the query: a revalidation costs one indexed read, no clustering
    const etag = strongEtag(`${territory}:${version}:${filterKey(filters)}:${bbox.join(',')}:${query.zoom}`);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return jsonTextWithEtag(c, '', 'public', etag);
    return jsonTextWithEtag(c, JSON.stringify(await cache.view(territory, version, filters, bbox, query.zoom)), 'public', etag);
  });
}
