import {en as cartodispoEn} from './cartodispo/cartodispo-strings.en.js';
import {fr as cartodispoFr} from './cartodispo/cartodispo-strings.fr.js';
import {en as boardEn} from './availability-board/board-strings.en.js';
import {fr as boardFr} from './availability-board/board-strings.fr.js';
import {en as coordinatorEn} from './coordinator/coordinator-strings.en.js';
import {fr as coordinatorFr} from './coordinator/coordinator-strings.fr.js';
import {en as practitionersEn} from './practitioner-manager/practitioner-manager-strings.en.js';
import {fr as practitionersFr} from './practitioner-manager/practitioner-manager-strings.fr.js';
import {en as intakeEn} from './intake-form/intake-strings.en.js';
import {fr as intakeFr} from './intake-form/intake-strings.fr.js';
import {en as intakeRepliesEn} from './intake-form/reply-strings.en.js';
import {fr as intakeRepliesFr} from './intake-form/reply-strings.fr.js';
import {en as intakePaperEn} from './intake-form/paper-strings.en.js';
import {fr as intakePaperFr} from './intake-form/paper-strings.fr.js';
import {en as statusEn} from './request-status/status-strings.en.js';
import {fr as statusFr} from './request-status/status-strings.fr.js';
import {en as mapEn} from './availability-map/map-strings.en.js';
import {fr as mapFr} from './availability-map/map-strings.fr.js';
import {en as offerManagerEn} from './internship-offers/offer-manager-strings.en.js';
import {fr as offerManagerFr} from './internship-offers/offer-manager-strings.fr.js';
import {en as offersEn} from './internship-offers/offers-strings.en.js';
import {fr as offersFr} from './internship-offers/offers-strings.fr.js';
import {en as contactEn} from './territory-contact/contact-strings.en.js';
import {fr as contactFr} from './territory-contact/contact-strings.fr.js';
import {en as waitingListEn} from './waiting-list/waiting-list-strings.en.js';
import {fr as waitingListFr} from './waiting-list/waiting-list-strings.fr.js';
import {en as outboxEn} from './outbox/outbox-strings.en.js';
import {fr as outboxFr} from './outbox/outbox-strings.fr.js';
import {en as statsEn} from './stats/stats-strings.en.js';
import {fr as statsFr} from './stats/stats-strings.fr.js';
import {en as impactEn} from './impact/impact-strings.en.js';
import {fr as impactFr} from './impact/impact-strings.fr.js';
import {en as commonEn} from './translations/en.js';
import {fr as commonFr} from './translations/fr.js';
import {en as labelsEn} from './translations/labels.en.js';
import {fr as labelsFr} from './translations/labels.fr.js';
import type {Translation} from './translations/translation.js';

// Every string of a language in one object, for developers (the npm package's `fr` and `en`).
// The widgets never import this module: each loads its own bundles (see translations/bundle.ts).
// Typed whole, so a bundle missing a key breaks the typecheck here.
export const fr: Translation = {
  ...commonFr,
  ...contactFr,
  ...labelsFr,
  ...intakeFr,
  ...intakeRepliesFr,
  ...intakePaperFr,
  ...statusFr,
  ...mapFr,
  ...cartodispoFr,
  ...boardFr,
  ...offersFr,
  ...offerManagerFr,
  ...coordinatorFr,
  ...practitionersFr,
  ...waitingListFr,
  ...outboxFr,
  ...statsFr,
  ...impactFr,
};
export const en: Translation = {
  ...commonEn,
  ...contactEn,
  ...labelsEn,
  ...intakeEn,
  ...intakeRepliesEn,
  ...intakePaperEn,
  ...statusEn,
  ...mapEn,
  ...cartodispoEn,
  ...boardEn,
  ...offersEn,
  ...offerManagerEn,
  ...coordinatorEn,
  ...practitionersEn,
  ...waitingListEn,
  ...outboxEn,
  ...statsEn,
  ...impactEn,
};
