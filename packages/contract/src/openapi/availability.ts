import {Availability, AvailabilityDeclaration, AvailabilitySummary, Board, BoardRow, OwnAvailability} from '../availability.js';
import {BoardQuery} from '../queries.js';
import type {RouteDocs, SchemaDocs} from './docs.js';

export const availabilitySchemas = {
  AvailabilityDeclaration: {
    schema: AvailabilityDeclaration,
    example: {
      accepting: 'limited',
      monthlyQuota: 5,
      patientScope: ['priority_only'],
      scopeCommunes: [],
      homeVisits: true,
      homeVisitCommunes: ['62765', '62040'],
      snpSlotsThisWeek: 4,
      teleconsultation: false,
      hostsInterns: true,
      visibility: 'public',
      noteForCoordinator: null,
    },
  },
  Availability,
  AvailabilitySummary,
  OwnAvailability,
  BoardRow,
  Board,
} satisfies SchemaDocs;

export const availabilityRouteDocs = {
  getOwnAvailability: {
    tag: 'availability',
    auth: 'practitioner',
    summary: "The practitioner's current declaration",
    responses: {200: 'Who the link belongs to, and their current declaration'},
  },
  declareAvailability: {
    tag: 'availability',
    auth: 'practitioner',
    summary: 'Declare (or confirm unchanged) availability',
    body: {
      schema: AvailabilityDeclaration,
      example: {
        accepting: 'limited',
        monthlyQuota: 5,
        patientScope: ['priority_only'],
        scopeCommunes: [],
        homeVisits: true,
        homeVisitCommunes: ['62765'],
        snpSlotsThisWeek: 4,
        teleconsultation: false,
        hostsInterns: true,
        visibility: 'public',
        noteForCoordinator: null,
      },
    },
    responses: {200: 'The declaration as stored'},
  },
  getAvailabilityBoard: {
    tag: 'availability',
    auth: 'coordinator',
    summary: 'Every practitioner with current availability and freshness',
    query: BoardQuery,
    responses: {200: 'The board'},
  },
} satisfies RouteDocs;
