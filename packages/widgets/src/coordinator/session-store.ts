import {createContext} from '@lit/context';
import {getAvailabilityBoard, isCptsApiError, type CptsClient} from '@cpts-kit/sdk';

/** Where the coordinator's session stands, shared by every tool of one provider. */
export type SessionStatus = 'signed-out' | 'checking' | 'signed-in' | 'refused';

/** What went wrong with the last token typed; each form words it in its language. */
export type SignInProblem = 'required' | 'refused' | 'failed';

/** One place a tool (or `<cpts-coordinator-sign-in>`) takes part in the session from. */
export interface SessionMember {
  readonly element: Element;
  /** `form`: a `<cpts-coordinator-sign-in>`, which holds the page's one form whenever it is there. */
  readonly kind: 'form' | 'tool';
  /** Moves focus to the member's token field, when it shows one. */
  focusToken(): void;
}

/** A 401 or 403: the token is not (or no longer) a coordinator's. */
export function isRefusal(error: unknown): boolean {
  return isCptsApiError(error) && (error.status === 401 || error.status === 403);
}

/**
 * Asks the server whether `client`'s token is a coordinator's. The availability board is read by
 * coordinators only; unlike a made-up offer id, it never leaves a 404 in the console.
 */
export async function verifyCoordinator(client: CptsClient): Promise<void> {
  await getAvailabilityBoard(client);
}

/**
 * A coordinator's session: the signed-in client (its token in memory only), whether the last
 * token typed was refused, and which member shows the sign-in form. A `<cpts-provider>` holds one
 * for all its tools; a tool used alone holds its own.
 */
export class CoordinatorSessionStore {
  status: SessionStatus = 'signed-out';
  problem: SignInProblem | undefined;
  /** Why the last sign-in failed when it was not the token (network, server): the error thrown. */
  error: unknown;
  private current: CptsClient | undefined;
  private readonly members: SessionMember[] = [];
  private readonly listeners = new Set<() => void>();
  /** The member whose request was refused mid-session: it asks for the token above its view. */
  private refusedIn: SessionMember | undefined;

  /** The signed-in client; kept while `refused`, so the tools keep their views. */
  get client(): CptsClient | undefined {
    return this.current;
  }

  /** The member that shows the form: where a refusal happened, else the sign-in element, else the first tool. */
  get formMember(): SessionMember | undefined {
    if (this.status === 'refused' && this.refusedIn && this.members.includes(this.refusedIn)) return this.refusedIn;
    return this.members.find((m) => m.kind === 'form') ?? this.members[0];
  }

  /** Calls `listener` on every change; returns the unsubscription. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  join(member: SessionMember): void {
    if (!this.members.includes(member)) this.members.push(member);
    this.changed();
  }

  leave(member: SessionMember): void {
    const i = this.members.indexOf(member);
    if (i >= 0) this.members.splice(i, 1);
    this.changed();
  }

  /** Checks `token` with `base`'s API and territory; true when signed in. */
  async signIn(base: CptsClient, token: string, verify: (client: CptsClient) => Promise<void> = verifyCoordinator): Promise<boolean> {
    const trimmed = token.trim();
    this.error = undefined;
    if (!trimmed) {
      this.problem = 'required';
      this.changed();
      return false;
    }
    const before = this.status;
    this.status = 'checking';
    this.problem = undefined;
    this.changed();
    const client = base.withToken(trimmed);
    try {
      await verify(client);
    } catch (error) {
      // a refusal mid-session stays one: the tools keep their views until a token works
      this.status = before === 'refused' ? 'refused' : 'signed-out';
      this.problem = isRefusal(error) ? 'refused' : 'failed';
      if (!isRefusal(error)) this.error = error;
      this.changed();
      return false;
    }
    this.adopt(client);
    return true;
  }

  private adopt(client: CptsClient): void {
    this.current = client;
    this.status = 'signed-in';
    this.problem = undefined;
    this.refusedIn = undefined;
    this.changed();
  }

  /** Forgets the client: every tool of the session is signed out at once. */
  signOut(): void {
    this.current = undefined;
    this.status = 'signed-out';
    this.problem = undefined;
    this.refusedIn = undefined;
    this.changed();
  }

  /** `member`'s request was refused: the token no longer works; ask for one above its view. */
  refuse(member: SessionMember): void {
    // refused again elsewhere (another tool's request in flight): the form stays where it is, so
    // it never jumps away from the coordinator typing in it
    if (this.status === 'signed-out' || this.status === 'refused') return;
    this.status = 'refused';
    this.problem = 'refused';
    this.refusedIn = member;
    this.changed();
  }

  /** Focuses the token field of whoever shows the form. */
  focusForm(): void {
    this.formMember?.focusToken();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The session a `<cpts-provider>` shares with its coordinator tools. */
export const coordinatorSessionContext = createContext<CoordinatorSessionStore | undefined>(Symbol('cpts-coordinator-session'));
