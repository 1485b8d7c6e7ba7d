import {html, svg, type TemplateResult} from 'lit';
import {classLimits, classOf, projectPoints, round, type GeoPoint} from './scale.js';

/** One commune on the map: its centre, its size, and the figure its colour shows. */
export interface MapPoint {
  name: string;
  centre: GeoPoint;
  population: number | null;
  /** The shaded figure (people waiting per 1,000 inhabitants); `null` when it cannot be known. */
  value: number | null;
}

export interface DotMapOptions<P extends MapPoint = MapPoint> {
  id: string;
  title: string;
  description: string;
  points: readonly P[];
  /** The words of a point's figure, for its hover label: « Arques : 3,1 pour 1 000 ». */
  pointLabel: (point: P) => string;
  /** The words of a legend class, from its bounds (`from` is 0 for the first coloured class). */
  classLabel: (from: number, to: number) => string;
  /** The legend's words for class 0 (nobody waiting) and for an unknown figure. */
  zeroLabel: string;
  unknownLabel: string;
}

const WIDTH = 480;
const HEIGHT = 360;
const CLASSES = 4;
/** How many of the most populous communes are named on the map, so a reader finds their bearings. */
const NAMED = 3;

/**
 * The territory's communes as dots at their centres, shaded by `value` (four classes of equal,
 * round width, and « 0 » apart), sized by population (the area, not the radius, grows with it).
 *
 * Why not polygons: the reference data has communes' centres only. Why not the Leaflet map kit:
 * a chart to print in the ACI file needs no tiles, no pan and zoom and no 40 KB of Leaflet; an
 * SVG of 53 circles prints sharp and works offline.
 */
export function dotMap<P extends MapPoint>(options: DotMapOptions<P>): TemplateResult {
  const points = options.points;
  const positions = projectPoints(
    points.map((p) => p.centre),
    WIDTH,
    HEIGHT,
    20,
  );
  const limits = classLimits(Math.max(0, ...points.map((p) => p.value ?? 0)), CLASSES);
  const largest = Math.max(1, ...points.map((p) => p.population ?? 0));
  const radius = (p: MapPoint) => round(4 + 10 * Math.sqrt((p.population ?? 0) / largest));
  const named = new Set(
    [...points]
      .filter((p) => p.population !== null)
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
      .slice(0, NAMED),
  );
  // the big dots first, so a small commune beside a town stays visible on top
  const order = points.map((_, i) => i).sort((a, b) => (points[b]!.population ?? 0) - (points[a]!.population ?? 0));
  const dots = order.map((i) => {
    const p = points[i]!;
    const {x, y} = positions[i]!;
    const shade = p.value === null ? 'unknown' : String(classOf(p.value, limits));
    return svg`<circle class=${`dot class-${shade}`} cx=${x} cy=${y} r=${radius(p)}><title>${options.pointLabel(p)}</title></circle>`;
  });
  const names = order
    .filter((i) => named.has(points[i]!))
    .map((i) => svg`<text class="place" x=${positions[i]!.x} y=${round(positions[i]!.y - radius(points[i]!) - 4)} text-anchor="middle">${points[i]!.name}</text>`);
  const legend: {shade: string; label: string}[] = [
    {shade: '0', label: options.zeroLabel},
    ...limits.map((to, i) => ({shade: String(i + 1), label: options.classLabel(i === 0 ? 0 : limits[i - 1]!, to)})),
  ];
  if (points.some((p) => p.value === null)) legend.push({shade: 'unknown', label: options.unknownLabel});
  return html`<svg class="chart map" viewBox=${`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby=${`${options.id}-title`} aria-describedby=${`${options.id}-desc`}>
      <title id=${`${options.id}-title`}>${options.title}</title>
      <desc id=${`${options.id}-desc`}>${options.description}</desc>
      ${dots} ${names}
    </svg>
    <ul class="legend">
      ${legend.map(({shade, label}) => html`<li><span class=${`swatch dot class-${shade}`} aria-hidden="true"></span>${label}</li>`)}
    </ul>`;
}
