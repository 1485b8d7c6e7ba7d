/**
 * Every tag the script-tag bundle knows, and how to fetch its class. Each `import()` becomes a
 * chunk of its own, downloaded only by pages that use the tag: the map's Leaflet code never reaches
 * a page without a map. A new widget is one line here.
 */
export const widgetModules = {
  'cpts-provider': () => import('./provider/provider.js').then((m) => m.CptsProvider),
  'cpts-territory-contact': () => import('./territory-contact/territory-contact.js').then((m) => m.CptsTerritoryContact),
  'cpts-intake-form': () => import('./intake-form/intake-form.js').then((m) => m.CptsIntakeForm),
  'cpts-availability-map': () => import('./availability-map/availability-map.js').then((m) => m.CptsAvailabilityMap),
  'cpts-cartodispo': () => import('./cartodispo/cartodispo.js').then((m) => m.CptsCartodispo),
  'cpts-internship-offers': () => import('./internship-offers/internship-offers.js').then((m) => m.CptsInternshipOffers),
  'cpts-offer-manager': () => import('./internship-offers/offer-manager.js').then((m) => m.CptsOfferManager),
  'cpts-practitioner-manager': () => import('./practitioner-manager/practitioner-manager.js').then((m) => m.CptsPractitionerManager),
} satisfies Record<`cpts-${string}`, () => Promise<CustomElementConstructor>>;

export type WidgetTag = keyof typeof widgetModules;
