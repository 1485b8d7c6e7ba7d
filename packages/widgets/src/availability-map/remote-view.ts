import type {PractitionerMap, PractitionerMapPoint, PractitionerPublic} from '@cpts-kit/contract';
import {getPractitionerMap, listPublicPractitioners, type CptsClient} from '@cpts-kit/sdk';
import {filterQuery, type MapFilters} from './map-model.js';

/** What the server gave for the view: the map's clusters and points, and the list's first pages. */
export interface RemoteView {
  map: PractitionerMap | undefined;
  /** The list alternative: the same filters and bbox, `total` of them, in pages. */
  items: PractitionerPublic[];
  nextCursor: string | null;
}

/** The whole globe: what the list shows when there is no map to bound it. */
export const WORLD_BBOX = '-180,-90,180,90';

/** A marker for a server point: the list gives the rest when it is chosen (see `details`). */
export function shownPoint(p: PractitionerMapPoint): PractitionerPublic {
  return {
    id: p.id,
    profession: p.profession,
    displayName: p.name,
    practiceName: null,
    address: null,
    communeInsee: '',
    location: {lat: p.lat, lng: p.lng},
    phone: null,
    availability: p.accepting ? {accepting: p.accepting, homeVisits: false, teleconsultation: false, declaredAt: ''} : null,
  };
}

/**
 * The map of a large territory, asked of the server view by view: one request for the clusters,
 * one for the list's first page, both cancelled when the view moves again before they answer.
 */
export class RemoteMapSource {
  private abort: AbortController | undefined;

  /**
   * Fetches the view; resolves undefined when a newer view replaced it. The clusters are handed to
   * `onMap` as soon as they come: the map need not wait for the list's page, a slower query.
   */
  async view(
    client: CptsClient,
    filters: MapFilters,
    bbox: string,
    zoom: number | undefined,
    pageSize: number,
    onMap: (map: PractitionerMap) => void,
  ): Promise<RemoteView | undefined> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const query = filterQuery(filters);
    try {
      const [map, page] = await Promise.all([
        getPractitionerMap(client, {bbox, zoom: zoom ?? 0, ...query}, {signal: abort.signal}).then((map) => {
          if (!abort.signal.aborted) onMap(map);
          return map;
        }),
        listPublicPractitioners(client, {bbox, limit: pageSize, ...query}, {signal: abort.signal}),
      ]);
      return abort.signal.aborted ? undefined : {map, items: page.items, nextCursor: page.nextCursor};
    } catch (error) {
      if (abort.signal.aborted) return undefined;
      throw error;
    }
  }

  /** The list's next page for the same view. */
  async more(client: CptsClient, filters: MapFilters, bbox: string, cursor: string, pageSize: number): Promise<{items: PractitionerPublic[]; nextCursor: string | null}> {
    const page = await listPublicPractitioners(client, {bbox, limit: pageSize, cursor, ...filterQuery(filters)});
    return {items: page.items, nextCursor: page.nextCursor};
  }

  /** A practitioner's public details, for a marker chosen on the map. */
  async details(client: CptsClient, id: string): Promise<PractitionerPublic | undefined> {
    return (await listPublicPractitioners(client, {id, limit: 1})).items[0];
  }

  cancel(): void {
    this.abort?.abort();
  }
}
