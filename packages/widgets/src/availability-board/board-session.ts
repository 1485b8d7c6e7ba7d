import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {isCptsApiError, type CptsClient} from '@cpts-kit/sdk';
import {SharedSignInController} from '../events/signed-in.js';
import {CptsConfigError} from '../internal/config-error.js';

/** `form`: typed in the board; `token`: the page set the `token` property; `shared`: another tool of the provider signed in. */
export type SignInSource = 'form' | 'token' | 'shared';

export type SessionPhase =
  | {kind: 'signed-out'; failed: boolean; error?: unknown}
  | {kind: 'signing-in'; from: SignInSource}
  | {kind: 'signed-in'; client: CptsClient};

export interface BoardSessionHost extends ReactiveControllerHost, HTMLElement {
  /** The client without a token (provider, `client`, or `api` + `territory`). */
  resolveClient(): CptsClient | undefined;
  /** A coordinator token set by the page. */
  readonly token?: string | undefined;
  readonly shadowRoot: ShadowRoot | null;
  reportError(error: unknown): void;
}

export interface BoardSessionOptions {
  /** Opens the board with `client`: the first read doubles as the token's check (a 401 or 403 refuses it). */
  open(client: CptsClient, signal: AbortSignal): Promise<void>;
  /** The coordinator signed out, or (`refused`) the token was refused mid-session: forget what was read. */
  closed(refused: boolean): void;
}

/**
 * The board's sign-in, kept apart from the board so it can give way to the coordinators' shared
 * session: the token lives in this controller's memory only (never an attribute or storage), one
 * sign-in serves every coordinator tool of the provider (`SharedSignInController`), and focus
 * goes where a keyboard user expects it after each step.
 */
export class BoardSession implements ReactiveController {
  private readonly host: BoardSessionHost;
  private readonly options: BoardSessionOptions;
  private readonly shared: SharedSignInController;
  private signedInWith: string | undefined;
  private abort: AbortController | undefined;
  phase: SessionPhase = {kind: 'signed-out', failed: false};
  /** What the coordinator typed, until they sign in or out. */
  tokenInput = '';

  constructor(host: BoardSessionHost, options: BoardSessionOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.shared = new SharedSignInController(host, (client) => {
      if (this.phase.kind === 'signed-out') void this.start(client, 'shared');
    });
  }

  get client(): CptsClient | undefined {
    return this.phase.kind === 'signed-in' ? this.phase.client : undefined;
  }

  hostUpdate(): void {
    const token = this.host.token?.trim();
    if (token && token !== this.signedInWith) {
      this.signedInWith = token;
      void this.signIn(token, 'token');
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** The sign-in form was sent. */
  submit(): void {
    this.signedInWith = undefined;
    void this.signIn(this.tokenInput, 'form');
  }

  /** Tries the last token again, after a failure that was not a refusal. */
  retry(): void {
    void this.signIn(this.signedInWith ?? this.tokenInput, this.signedInWith ? 'token' : 'form');
  }

  /** `refused`: the server stopped accepting the token (revoked, expired) while the board was open. */
  signOut(refused = false): void {
    this.abort?.abort();
    this.tokenInput = '';
    this.options.closed(refused);
    this.setPhase({kind: 'signed-out', failed: refused});
    void this.focusAfterUpdate('#board-token');
  }

  private async signIn(token: string, from: 'form' | 'token'): Promise<void> {
    const base = this.host.resolveClient();
    if (!base) {
      const error = new CptsConfigError('<cpts-availability-board>: set "api" and "territory", set "client", or place it inside <cpts-provider>');
      this.setPhase({kind: 'signed-out', failed: false, error});
      return;
    }
    const client = base.withToken(token.trim());
    // the provider's other tools may use the same sign-in
    if (await this.start(client, from)) this.shared.announce(client);
  }

  private async start(client: CptsClient, from: SignInSource): Promise<boolean> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.setPhase({kind: 'signing-in', from});
    try {
      await this.options.open(client, abort.signal);
      if (abort.signal.aborted) return false;
      this.setPhase({kind: 'signed-in', client});
      if (from === 'form') await this.focusAfterUpdate('#title');
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      if (isRefused(error)) {
        // a token another tool accepted and this board refuses is not the coordinator's typing error
        this.setPhase({kind: 'signed-out', failed: from !== 'shared'});
        if (from === 'form') await this.focusAfterUpdate('#board-token');
      } else {
        this.setPhase({kind: 'signed-out', failed: false, error});
        this.host.reportError(error);
      }
      return false;
    }
  }

  private setPhase(phase: SessionPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** 401/403: the token is unknown, expired or revoked. */
export function isRefused(error: unknown): boolean {
  return isCptsApiError(error) && (error.status === 401 || error.status === 403);
}
