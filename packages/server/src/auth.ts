import type {MiddlewareHandler} from 'hono';
import {hashToken, newToken} from './crypto.js';
import type {Db} from './db/index.js';
import type {AppEnv, Caller} from './env.js';
import {unauthorized} from './problems.js';

interface TokenRow {
  id: string;
  kind: 'coordinator' | 'practitioner';
  practitioner_id: string | null;
  label: string | null;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{8,512})\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The caller behind `Authorization`, or null: unknown, expired, revoked or another territory's token. */
export async function findCaller(db: Db, territory: string, authorization: string | undefined): Promise<Caller | null> {
  const token = bearer(authorization);
  if (!token) return null;
  const [row] = await db.query<TokenRow>(
    `select t.id, t.kind, t.practitioner_id, t.label from tokens t
       left join practitioners p on p.id = t.practitioner_id
      where t.token_hash = $1 and t.territory = $2 and t.revoked_at is null
        and (t.expires_at is null or t.expires_at > now())
        and (t.kind = 'coordinator' or p.active)`,
    [hashToken(token), territory],
  );
  return row ? {tokenId: row.id, kind: row.kind, practitionerId: row.practitioner_id, label: row.label} : null;
}

/** Lets the request through only with a valid token of `kind` for the territory in the path. */
export function requireAuth(db: Db, kind: Caller['kind']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = await findCaller(db, c.get('territory').slug, c.req.header('Authorization'));
    if (!caller || caller.kind !== kind) throw unauthorized();
    c.set('caller', caller);
    await next();
  };
}

/** How a caller is named in history and audit rows: never the token itself. */
export function actorName(caller: Caller): string {
  return caller.kind === 'coordinator' ? `coordinateur:${caller.label ?? caller.tokenId.slice(0, 8)}` : `praticien:${caller.practitionerId}`;
}

export interface IssuedToken {
  id: string;
  token: string;
  expiresAt: Date | null;
}

/** Creates a token; only its SHA-256 is stored, so the returned `token` is the one chance to see it. */
export async function issueToken(
  db: Db,
  options: {territory: string; kind: Caller['kind']; practitionerId?: string; label?: string; days?: number; token?: string},
): Promise<IssuedToken> {
  const token = options.token ?? newToken();
  const id = crypto.randomUUID();
  const expiresAt = options.days ? new Date(Date.now() + options.days * 86_400_000) : null;
  await db.query(`insert into tokens (id, territory, kind, practitioner_id, token_hash, label, expires_at) values ($1, $2, $3, $4, $5, $6, $7)`, [
    id,
    options.territory,
    options.kind,
    options.practitionerId ?? null,
    hashToken(token),
    options.label ?? null,
    expiresAt,
  ]);
  return {id, token, expiresAt};
}

/** A coordinator's name as the waiting list shows it (assignment, « assigned to me »): their token's label. */
export function coordinatorName(caller: Caller): string {
  return caller.label ?? `coordinateur ${caller.tokenId.slice(0, 8)}`;
}
