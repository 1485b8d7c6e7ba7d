import type {ApiError, FieldError} from '@cpts-kit/contract';
import type {core} from 'zod/mini';

const TYPE_BASE = 'https://cpts-kit.fr/problems/';

/** Thrown anywhere in a handler; `app.onError` turns it into RFC 9457 problem+json. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** Seconds before trying again, in the body too (`retryAfter`): a widget reads it without the response's headers. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, title: string, options: {detail?: string; errors?: FieldError[]; headers?: Record<string, string>; retryAfter?: number} = {}) {
    super(`${status} ${code}: ${options.detail ?? title}`);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.retryAfter = options.retryAfter;
  }

  toBody(instance?: string): ApiError {
    const body: ApiError = {type: TYPE_BASE + this.code, title: this.title, status: this.status, code: this.code};
    if (this.detail !== undefined) body.detail = this.detail;
    if (instance !== undefined) body.instance = instance;
    if (this.errors !== undefined) body.errors = this.errors;
    if (this.retryAfter !== undefined) body.retryAfter = this.retryAfter;
    return body;
  }
}

export const notFound = (detail = "Cette ressource n'existe pas.") => new ApiProblem(404, 'not_found', 'Introuvable', {detail});

export const unauthorized = () =>
  // one body whatever the reason, so a caller cannot tell a revoked token from one that never existed
  new ApiProblem(401, 'unauthorized', 'Authentification requise', {
    detail: 'Jeton absent, invalide, expiré ou révoqué.',
    headers: {'WWW-Authenticate': 'Bearer'},
  });

export const notImplemented = () => new ApiProblem(501, 'not_implemented', 'Pas encore disponible', {detail: "Cette fonction n'est pas encore disponible sur ce serveur."});

export const validationProblem = (errors: FieldError[], detail = 'Certaines données sont invalides.') =>
  new ApiProblem(400, 'validation', 'Données invalides', {detail, errors});

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'symbol' ? (p.description ?? '') : String(p))).join('.');
}

/** One field error per zod issue; an unknown key becomes an error on that key. */
export function fieldErrorsFromIssues(issues: readonly core.$ZodIssue[], prefix: readonly string[] = []): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({path: joinPath([...base, key]), code: 'unrecognized_key', message: `champ inconnu : « ${key} »`}));
    }
    return [{path: joinPath(base), code: issue.code, message: issue.message}];
  });
}
