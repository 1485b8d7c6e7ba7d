import {RequestStatusLookup} from '@cpts-kit/contract';
import {Hono} from 'hono';
import type {AppEnv, Deps} from '../env.js';
import {DEFAULT_STATUS_RATE_LIMIT} from '../config.js';
import {clientAddress, clientKey, RateLimiter} from '../rate-limit.js';
import {forgetClientTries, noSuchRequest, StatusLookup, statusClient, takeLookupTry, tooManyTries} from '../request-status.js';
import {validate} from '../validate.js';

/**
 * The person's own view of their request: public, by reference and birth date. Three budgets
 * against guessing: per client address and minute (shared by every server on PostgreSQL, in memory
 * on PGlite, like the form's), per reference and client, and per reference from all clients
 * together (both in the database; see takeLookupTry).
 */
/** The address budget's name among the shared ones: its own, apart from the form's. */
const STATUS_SCOPE = '/v1/territories/:t/request-status';

export function requestStatusRoutes({db, keys, config}: Deps) {
  const perMinute = config.statusRateLimitPerMinute ?? DEFAULT_STATUS_RATE_LIMIT;
  const limiter = perMinute > 0 ? new RateLimiter(perMinute) : undefined;
  const statuses = new StatusLookup(db, keys);

  return new Hono<AppEnv>().post('/v1/territories/:t/request-status', validate('json', RequestStatusLookup), async (c) => {
    const territory = c.get('territory');
    c.header('Cache-Control', 'no-store');
    const address = clientAddress(c, config.trustProxy ?? 0);
    const client = clientKey(address);
    const shared = c.get('limits');
    const byAddress = perMinute <= 0 ? undefined : shared ? await shared.take(STATUS_SCOPE, client, perMinute) : limiter?.take(client);
    if (byAddress && !byAddress.ok) throw tooManyTries(byAddress.retryAfterSeconds, territory.phone);
    const lookup = c.req.valid('json');
    // as the receipt prints it: people copy it in lower case too
    const reference = lookup.reference.toUpperCase();
    const birthDate = lookup.birthDate;
    const asker = statusClient(keys, address);
    const byReference = await takeLookupTry(db, territory.slug, reference, asker);
    if (!byReference.ok) throw tooManyTries(byReference.retryAfterSeconds, territory.phone);
    const found = await statuses.find(territory, reference, birthDate);
    if (!found) throw noSuchRequest();
    await forgetClientTries(db, territory.slug, reference, asker);
    return c.json(found);
  });
}
