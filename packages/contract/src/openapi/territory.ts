import {Commune, PrivacyNotice, Territory} from '../territory.js';
import {TerritoryPatch} from '../patches.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const territorySchemas = {
  Commune: {schema: Commune, example: {insee: '62765', name: 'Saint-Omer', postalCodes: ['62500'], centre: {lat: 50.7502, lng: 2.2522}, population: 14037}},
  PrivacyNotice: {schema: PrivacyNotice, description: 'What the intake form shows next to its consent box.'},
  Territory: {schema: Territory, description: 'A CPTS (or a commune) and the communes it serves.'},
  TerritoryPatch: {
    schema: TerritoryPatch,
    description:
      'Only the fields sent change. `website` and `privacyNotice.url` must be `https://…` (`http://` only for localhost); text follows the rules of the API description.',
    example: {phone: '03 21 00 00 00', retentionDays: 730, allowedOrigins: ['https://www.ville-exemple.fr']},
  },
} satisfies SchemaDocs;

export const territoryRouteDocs = {
  getTerritory: {
    tag: 'territory',
    auth: 'public',
    summary: 'Name, communes, contact, privacy notice and retention of a territory',
    responses: {200: 'The territory', 304: 'Not modified (ETag)'},
  },
  patchTerritory: {
    tag: 'territory',
    auth: 'coordinator',
    summary: 'Edit the territory (links `https:` only)',
    body: {schema: TerritoryPatch, example: {phone: '03 21 00 00 00', retentionDays: 730}},
    responses: {200: 'The territory as saved'},
  },
} satisfies RouteDocs;
