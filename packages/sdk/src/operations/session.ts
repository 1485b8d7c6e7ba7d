import {getMeRoute, listCoordinatorsRoute, type CoordinatorNames, type Me} from '@cpts-kit/contract';
import type {CptsClient, RequestOptions} from '../client.js';

/** Who the client's token belongs to (a coordinator's name is the one requests are assigned to). */
export function getMe(client: CptsClient, options?: RequestOptions): Promise<Me> {
  return client.request(getMeRoute, {signal: options?.signal});
}

/** The territory's coordinators' names, for assignment suggestions. */
export async function listCoordinators(client: CptsClient, options?: RequestOptions): Promise<string[]> {
  const list: CoordinatorNames = await client.request(listCoordinatorsRoute, {signal: options?.signal});
  return list.names;
}
