import {defineElement} from '../internal/define-element.js';
import {CptsTerritoryContact} from './territory-contact.js';

defineElement('cpts-territory-contact', CptsTerritoryContact);
