/**
 * The arithmetic of our small charts, apart from any drawing: axis ticks a reader can count on
 * (0, 5, 10… rather than 0, 4.6, 9.2…), the projection of communes' centres, and colour classes.
 */

/**
 * Round steps for an axis from 0 to at least `max`: `max` 47 → `[0, 10, 20, 30, 40, 50]`.
 * `integer`: counts of people, whose steps are whole (never « 2.5 people »).
 */
export function niceTicks(max: number, target = 5, integer = true): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const multiples = integer && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = Math.max(integer ? 1 : 0, multiples.map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({length: count + 1}, (_, i) => Number((i * step).toFixed(6)));
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Projected {
  x: number;
  y: number;
}

/**
 * Projects points onto a `width` × `height` box with `padding`, keeping the shape of the territory:
 * an equirectangular projection whose longitudes are shrunk by the cosine of the mean latitude
 * (at 50° N a degree of longitude is 64 % of a degree of latitude). For a territory of a few tens
 * of kilometres this is as faithful as a Lambert projection, in four lines.
 */
export function projectPoints(points: readonly GeoPoint[], width: number, height: number, padding: number): Projected[] {
  if (points.length === 0) return [];
  const meanLat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
  const shrink = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p.lng * shrink);
  const ys = points.map((p) => -p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  // centre the territory in the box along its shorter side
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return xs.map((x, i) => ({x: round((x - minX) * scale + offsetX), y: round((ys[i]! - minY) * scale + offsetY)}));
}

/**
 * Class limits for a colour scale from 0 to `max`, in `classes` classes of equal width and round
 * bounds: `max` 7.3, 4 classes → `[2, 4, 6, 8]` (class 1 is ]0, 2], class 4 is ]6, 8]). Class 0
 * is exactly 0: « nobody waiting » must not look like « few ».
 */
export function classLimits(max: number, classes: number): number[] {
  const ticks = niceTicks(max, classes, false).slice(1);
  return ticks.length > 0 ? ticks : [1];
}

/** 0 for 0, else the first class whose limit holds `value` (1-based). */
export function classOf(value: number, limits: readonly number[]): number {
  if (!(value > 0)) return 0;
  const index = limits.findIndex((limit) => value <= limit);
  return index === -1 ? limits.length : index + 1;
}

/** Two decimals are plenty for SVG coordinates, and keep the markup short. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
