import Supercluster, {type PointFeature} from 'supercluster';
import {CLUSTER_OPTIONS, type BBoxTuple, type ClusterItem} from './cluster-protocol.js';

type PointProps = {i: number; a: number};
type ClusterProps = {a: number};

/** supercluster over `[lng0, lat0, lng1, lat1, …]`; shared by the page and the worker. */
export class SuperclusterIndex {
  private readonly index = new Supercluster<PointProps, ClusterProps>({
    ...CLUSTER_OPTIONS,
    map: (props) => ({a: props.a}),
    reduce: (acc, props) => {
      acc.a += props.a;
    },
  });

  /** `accepting[i]` is 1 when point `i` takes new patients: clusters add them up. */
  load(coords: Float64Array, accepting: Uint8Array): void {
    const features = new Array<PointFeature<PointProps>>(coords.length / 2);
    for (let i = 0; i < features.length; i++) {
      features[i] = {type: 'Feature', geometry: {type: 'Point', coordinates: [coords[2 * i]!, coords[2 * i + 1]!]}, properties: {i, a: accepting[i] ?? 0}};
    }
    this.index.load(features);
  }

  clusters(bbox: BBoxTuple, zoom: number): ClusterItem[] {
    return this.index.getClusters(bbox, Math.round(zoom)).map((feature): ClusterItem => {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      return 'cluster' in props && props.cluster
        ? {kind: 'cluster', id: props.cluster_id, count: props.point_count, accepting: props.a, lat, lng}
        : {kind: 'point', index: (props as PointProps).i, lat, lng};
    });
  }

  expansionZoom(id: number): number {
    return this.index.getClusterExpansionZoom(id);
  }
}
