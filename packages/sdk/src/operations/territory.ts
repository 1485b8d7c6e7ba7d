import {getTerritoryRoute, patchTerritoryRoute, type Territory, type TerritoryPatch} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

export function getTerritory(client: CptsClient, options?: RequestOptions): Promise<Territory> {
  return client.request(getTerritoryRoute, {signal: options?.signal});
}

export function patchTerritory(client: CptsClient, patch: TerritoryPatch, options?: RequestOptions): Promise<Territory> {
  return client.request(patchTerritoryRoute, {json: patch, signal: options?.signal});
}
