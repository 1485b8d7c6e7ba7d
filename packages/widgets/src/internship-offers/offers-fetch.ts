import type {InternshipOffer, OfferStatus} from '@cpts-kit/contract';
import {listInternshipOffers, type CptsClient} from '@cpts-kit/sdk';

/** The largest page the API serves: fewest round trips to load every offer. */
const PAGE_LIMIT = 500;
const STATUSES: readonly OfferStatus[] = ['draft', 'published', 'archived'];

async function fetchEvery(client: CptsClient, status: OfferStatus | undefined, signal?: AbortSignal): Promise<InternshipOffer[]> {
  const all: InternshipOffer[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInternshipOffers(client, {limit: PAGE_LIMIT, ...(status ? {status} : {}), ...(cursor ? {cursor} : {})}, {signal});
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Every published offer, page after page (the list filters on the client, so it needs them all). */
export function fetchAllPublishedOffers(client: CptsClient, signal: AbortSignal): Promise<InternshipOffer[]> {
  return fetchEvery(client, undefined, signal);
}

/** Every offer of every status, newest change first: a coordinator manages them all. */
export async function fetchAllOffers(client: CptsClient, signal?: AbortSignal): Promise<InternshipOffer[]> {
  const all: InternshipOffer[] = [];
  for (const status of STATUSES) all.push(...(await fetchEvery(client, status, signal)));
  return all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}
