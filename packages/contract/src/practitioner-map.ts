import * as z from 'zod/mini';
import {Accepting} from './availability.js';
import {Id, Profession} from './common.js';

// The public map's answer for one view: what a map draws, and no more, so a view costs kilobytes
// whatever the territory's size. Positions are rounded to 5 decimals (about a metre).

/** Several practitioners close together at this zoom: drawn as one marker that counts them. */
export const PractitionerCluster = /* @__PURE__ */ z.object({
  lat: z.number(),
  lng: z.number(),
  count: z.int(),
  /** How many of them take new patients (`yes` or `limited`). */
  accepting: z.int(),
  /** The zoom at which the cluster splits: where a click on it zooms to. */
  zoom: z.int(),
});
export type PractitionerCluster = z.infer<typeof PractitionerCluster>;

/** One practitioner alone at this zoom: enough for a marker and its accessible name; details come from the list. */
export const PractitionerMapPoint = /* @__PURE__ */ z.object({
  id: Id,
  lat: z.number(),
  lng: z.number(),
  name: z.string(),
  profession: Profession,
  accepting: z.nullable(Accepting),
});
export type PractitionerMapPoint = z.infer<typeof PractitionerMapPoint>;

export const PractitionerMap = /* @__PURE__ */ z.object({
  /** The zoom the clusters were made for. */
  zoom: z.int(),
  /** Practitioners matching the filters inside the bbox: what the list alternative shows. */
  total: z.int(),
  clusters: z.array(PractitionerCluster),
  points: z.array(PractitionerMapPoint),
});
export type PractitionerMap = z.infer<typeof PractitionerMap>;
