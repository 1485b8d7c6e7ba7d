import {en as boardEn} from '../availability-board/board-strings.en.js';
import {fr as boardFr} from '../availability-board/board-strings.fr.js';
import {en as cartodispoEn} from '../cartodispo/cartodispo-strings.en.js';
import {fr as cartodispoFr} from '../cartodispo/cartodispo-strings.fr.js';
import {en as intakeEn} from '../intake-form/intake-strings.en.js';
import {fr as intakeFr} from '../intake-form/intake-strings.fr.js';
import {en as mapEn} from '../availability-map/map-strings.en.js';
import {fr as mapFr} from '../availability-map/map-strings.fr.js';
import {en as offersEn} from '../internship-offers/offers-strings.en.js';
import {fr as offersFr} from '../internship-offers/offers-strings.fr.js';
import {en as contactEn} from '../territory-contact/contact-strings.en.js';
import {fr as contactFr} from '../territory-contact/contact-strings.fr.js';
import {en as commonEn} from './en.js';
import {fr as commonFr} from './fr.js';
import {en as labelsEn} from './labels.en.js';
import {fr as labelsFr} from './labels.fr.js';
import type {Translation} from './translation.js';

// Every string of a language in one object, for developers (the npm package's `fr` and `en`).
// The widgets never import this module: each loads its own bundles (see bundle.ts). Typed whole,
// so a bundle missing a key breaks the typecheck here.
export const fr: Translation = {...commonFr, ...contactFr, ...labelsFr, ...intakeFr, ...mapFr, ...cartodispoFr, ...boardFr, ...offersFr};
export const en: Translation = {...commonEn, ...contactEn, ...labelsEn, ...intakeEn, ...mapEn, ...cartodispoEn, ...boardEn, ...offersEn};
