import type {RouteDef} from './route-def.js';
import {IntakeRequestCreated} from './intake.js';

// The public form's one route, alone in its module: the intake page's bundle carries it and none
// of the coordinators' routes (and their schemas) that a shared module would bring along.
export const createIntakeRequestRoute = {
  operationId: 'createIntakeRequest',
  method: 'post',
  path: '/v1/territories/{t}/intake-requests',
  idempotencyKey: 'required',
  responses: {201: IntakeRequestCreated},
} as const satisfies RouteDef;
