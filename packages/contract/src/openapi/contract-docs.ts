import * as z from 'zod/mini';
import type {RouteDef} from '../route-def.js';
import {routes, type OperationId, type Routes} from '../routes.js';
import {availabilityRouteDocs, availabilitySchemas} from './availability.js';
import {commonSchemas, systemRouteDocs} from './common.js';
import type {DocumentedRoute, RouteDoc, SchemaDocs, SchemaMeta, Tag} from './docs.js';
import {intakeRouteDocs, intakeSchemas} from './intake.js';
import {interestRouteDocs, interestSchemas} from './interest.js';
import {internshipRouteDocs, internshipSchemas} from './internship.js';
import {matchingRouteDocs, matchingTagDescription, matchSchemas} from './match.js';
import {messageRouteDocs, messageSchemas} from './messages.js';
import {practitionerRouteDocs, practitionerSchemas} from './practitioner.js';
import {requestStatusRouteDocs, requestStatusSchemas} from './request-status.js';
import {statsRouteDocs, statsSchemas} from './stats.js';
import {sessionRouteDocs, sessionSchemas} from './session.js';
import {territoryRouteDocs, territorySchemas} from './territory.js';
import {waitingListRouteDocs, waitingListSchemas} from './waiting-list.js';

// the document lists components in this order
const schemaDocs: SchemaDocs[] = [
  commonSchemas,
  availabilitySchemas,
  intakeSchemas,
  requestStatusSchemas,
  waitingListSchemas,
  practitionerSchemas,
  matchSchemas,
  internshipSchemas,
  interestSchemas,
  statsSchemas,
  messageSchemas,
  territorySchemas,
  sessionSchemas,
];

// one entry per route of `routes`, or the build fails
const routeDocs: {[K in OperationId]: RouteDoc<Routes[K]>} = {
  ...systemRouteDocs,
  ...territoryRouteDocs,
  ...sessionRouteDocs,
  ...intakeRouteDocs,
  ...requestStatusRouteDocs,
  ...waitingListRouteDocs,
  ...matchingRouteDocs,
  ...practitionerRouteDocs,
  ...availabilityRouteDocs,
  ...internshipRouteDocs,
  ...interestRouteDocs,
  ...statsRouteDocs,
  ...messageRouteDocs,
};

/** A tag's description, where its routes make one flow that no single route tells. */
export const tagDescriptions: Partial<Record<Tag, string>> = {matching: matchingTagDescription};

/**
 * Every named schema of the contract. A registry of its own (not zod's global one) keeps the
 * OpenAPI components to exactly what the contract declares, whatever else the process loads.
 */
export const contractRegistry = z.registry<SchemaMeta>();
for (const docs of schemaDocs) {
  for (const [id, doc] of Object.entries(docs)) {
    const {schema, ...meta} = '_zod' in doc ? {schema: doc} : doc;
    contractRegistry.add(schema, {id, ...meta});
  }
}

function documented(route: RouteDef, doc: RouteDoc): DocumentedRoute {
  const responses: DocumentedRoute['responses'] = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    const response = doc.responses[Number(status)] as RouteDoc['responses'][number];
    responses[Number(status)] = {...(typeof response === 'string' ? {description: response} : response), ...(schema ? {schema} : {})};
  }
  return {...route, ...doc, responses};
}

/** Every route with its docs, in the order of `routes`. */
export const documentedRoutes: DocumentedRoute[] = (Object.entries(routes) as Array<[OperationId, RouteDef]>).map(([operationId, route]) =>
  documented(route, routeDocs[operationId] as RouteDoc),
);
