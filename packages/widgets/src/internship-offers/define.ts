import {defineElement} from '../internal/define-element.js';
import {CptsInternshipOffers} from './internship-offers.js';
import {CptsOfferEditor} from './offer-editor.js';
import {CptsOfferInterest} from './offer-interest.js';
import {CptsOfferManager} from './offer-manager.js';

defineElement('cpts-internship-offers', CptsInternshipOffers);
defineElement('cpts-offer-interest', CptsOfferInterest);
defineElement('cpts-offer-editor', CptsOfferEditor);
defineElement('cpts-offer-manager', CptsOfferManager);
