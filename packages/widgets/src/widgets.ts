/**
 * Every tag the script-tag bundle knows, and how to fetch its class. Each `import()` becomes a
 * chunk of its own, downloaded only by pages that use the tag: the map's Leaflet code never reaches
 * a page without a map. A new widget is one line here.
 *
 * A widget's strings are chunks of their own too, one per language (see translations/bundle.ts).
 * The widget would ask for them once its code has run; asking here, with the code, saves that
 * round trip. The language is a guess from the page (`lang` of the tag or an ancestor, a provider's
 * included); when it is wrong the widget fetches the right one itself.
 */
const withStrings =
  <T>(load: () => Promise<T>, strings: Record<'fr' | 'en', () => Promise<unknown>>) =>
  (element?: Element): Promise<T> => {
    const lang = (element?.closest('[lang]') ?? document.documentElement).getAttribute('lang') ?? '';
    // a failed prefetch is retried by the widget, which reports it
    strings[/^en\b/i.test(lang) ? 'en' : 'fr']().catch(() => undefined);
    return load();
  };

const labels = {fr: () => import('./translations/labels.fr.js'), en: () => import('./translations/labels.en.js')};
const coordinator = {fr: () => import('./coordinator/coordinator-strings.fr.js'), en: () => import('./coordinator/coordinator-strings.en.js')};
const offers = {
  fr: () => Promise.all([import('./internship-offers/offers-strings.fr.js'), labels.fr()]),
  en: () => Promise.all([import('./internship-offers/offers-strings.en.js'), labels.en()]),
};

export const widgetModules = {
  'cpts-provider': () => import('./provider/provider.js').then((m) => m.CptsProvider),
  'cpts-territory-contact': withStrings(() => import('./territory-contact/territory-contact.js').then((m) => m.CptsTerritoryContact), {
    fr: () => import('./territory-contact/contact-strings.fr.js'),
    en: () => import('./territory-contact/contact-strings.en.js'),
  }),
  'cpts-intake-form': withStrings(() => import('./intake-form/intake-form.js').then((m) => m.CptsIntakeForm), {
    fr: () => import('./intake-form/intake-strings.fr.js'),
    en: () => import('./intake-form/intake-strings.en.js'),
  }),
  'cpts-request-status': withStrings(() => import('./request-status/request-status.js').then((m) => m.CptsRequestStatus), {
    fr: () => import('./request-status/status-strings.fr.js'),
    en: () => import('./request-status/status-strings.en.js'),
  }),
  'cpts-availability-map': withStrings(() => import('./availability-map/availability-map.js').then((m) => m.CptsAvailabilityMap), {
    fr: () => Promise.all([import('./availability-map/map-strings.fr.js'), labels.fr()]),
    en: () => Promise.all([import('./availability-map/map-strings.en.js'), labels.en()]),
  }),
  'cpts-cartodispo': withStrings(() => import('./cartodispo/cartodispo.js').then((m) => m.CptsCartodispo), {
    fr: () => Promise.all([import('./cartodispo/cartodispo-strings.fr.js'), labels.fr()]),
    en: () => Promise.all([import('./cartodispo/cartodispo-strings.en.js'), labels.en()]),
  }),
  'cpts-availability-board': withStrings(() => import('./availability-board/availability-board.js').then((m) => m.CptsAvailabilityBoard), {
    fr: () => Promise.all([import('./availability-board/board-strings.fr.js'), labels.fr()]),
    en: () => Promise.all([import('./availability-board/board-strings.en.js'), labels.en()]),
  }),
  'cpts-internship-offers': withStrings(() => import('./internship-offers/internship-offers.js').then((m) => m.CptsInternshipOffers), offers),
  'cpts-offer-manager': withStrings(() => import('./internship-offers/offer-manager.js').then((m) => m.CptsOfferManager), {
    fr: () => Promise.all([offers.fr(), import('./internship-offers/offer-manager-strings.fr.js'), coordinator.fr()]),
    en: () => Promise.all([offers.en(), import('./internship-offers/offer-manager-strings.en.js'), coordinator.en()]),
  }),
  'cpts-practitioner-manager': withStrings(() => import('./practitioner-manager/practitioner-manager.js').then((m) => m.CptsPractitionerManager), {
    fr: () => Promise.all([import('./practitioner-manager/practitioner-manager-strings.fr.js'), coordinator.fr(), labels.fr()]),
    en: () => Promise.all([import('./practitioner-manager/practitioner-manager-strings.en.js'), coordinator.en(), labels.en()]),
  }),
  'cpts-waiting-list': withStrings(() => import('./waiting-list/waiting-list.js').then((m) => m.CptsWaitingList), {
    fr: () => Promise.all([import('./waiting-list/waiting-list-strings.fr.js'), coordinator.fr(), labels.fr()]),
    en: () => Promise.all([import('./waiting-list/waiting-list-strings.en.js'), coordinator.en(), labels.en()]),
  }),
  'cpts-outbox': withStrings(() => import('./outbox/outbox.js').then((m) => m.CptsOutbox), {
    fr: () => Promise.all([import('./outbox/outbox-strings.fr.js'), coordinator.fr(), labels.fr()]),
    en: () => Promise.all([import('./outbox/outbox-strings.en.js'), coordinator.en(), labels.en()]),
  }),
  'cpts-stats': withStrings(() => import('./stats/stats.js').then((m) => m.CptsStats), {
    fr: () => Promise.all([import('./stats/stats-strings.fr.js'), coordinator.fr(), labels.fr()]),
    en: () => Promise.all([import('./stats/stats-strings.en.js'), coordinator.en(), labels.en()]),
  }),
  'cpts-impact': withStrings(() => import('./impact/impact.js').then((m) => m.CptsImpact), {
    fr: () => import('./impact/impact-strings.fr.js'),
    en: () => import('./impact/impact-strings.en.js'),
  }),
  'cpts-coordinator-sign-in': withStrings(() => import('./coordinator/coordinator-sign-in.js').then((m) => m.CptsCoordinatorSignIn), coordinator),
} satisfies Record<`cpts-${string}`, (element?: Element) => Promise<CustomElementConstructor>>;

export type WidgetTag = keyof typeof widgetModules;
