import {ContextConsumer} from '@lit/context';
import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {CptsClient} from '@cpts-kit/sdk';
import {CptsErrorEvent} from '../events/error.js';
import {CptsSignedInEvent} from '../events/signed-in.js';
import {CptsConfigError} from '../internal/config-error.js';
import type {CoordinatorStrings} from './coordinator-strings.js';
import {renderSignInForm} from './sign-in-form.js';
import {coordinatorSessionContext, CoordinatorSessionStore, isRefusal, type SessionMember} from './session-store.js';

/** What a coordinator tool gives its session. */
export interface CoordinatorSessionHost extends ReactiveControllerHost, HTMLElement {
  /** The client without a token (the provider's, or the element's own): the token is added to it. */
  resolveClient(): CptsClient | undefined;
  /** Pending while the host's strings load (see CptsElement): its sign-in callback reads them. */
  whenStringsLoaded?(): Promise<void> | undefined;
}

export interface CoordinatorSessionOptions {
  /** Prefix of the sign-in form's ids in the host's shadow root (`pm` → `#pm-token`). */
  idPrefix: string;
  /** The kit's strings in the host's language (list `coordinatorStrings` in `stringBundles`). */
  strings: () => CoordinatorStrings;
  /** The words of a network or server failure, in the host's language. */
  errorMessage: (error: unknown) => string;
  /** `form` for `<cpts-coordinator-sign-in>`; tools leave it. */
  kind?: 'form' | 'tool';
  /**
   * Signed in (or again, after a refusal); `typed` says the coordinator typed the token in this
   * host's form, so this host is the one to move focus.
   */
  onSignedIn?: (client: CptsClient, typed: boolean) => void;
  /** Signed out, here or in another tool: forget what the session showed. */
  onSignedOut?: () => void;
  /**
   * Checks a token typed (or set) in this host; a 401 or 403 refuses it. Default: a read of the
   * availability board. A tool whose first read can check the token gives it here, so signing in
   * costs one request, not two.
   */
  verify?: (client: CptsClient) => Promise<void>;
  /** A token the page set on the host (its `token` property): signed in with whenever it changes. */
  token?: () => string | undefined;
}

/**
 * A coordinator tool's part in the one session of its `<cpts-provider>` (or its own, alone): the
 * signed-in client, the sign-in form where the page shows it, sign-out everywhere, and a token
 * refused mid-session asked for again above the current view.
 *
 *     private readonly session = new CoordinatorSession(this, {idPrefix: 'pm', strings: () => …, errorMessage: (e) => this.errorMessage(e)});
 *     render() { return html`${this.session.renderSignIn()} ${this.session.client ? this.renderTool() : nothing}`; }
 */
export class CoordinatorSession implements ReactiveController, SessionMember {
  readonly element: CoordinatorSessionHost;
  readonly kind: 'form' | 'tool';
  private readonly options: CoordinatorSessionOptions;
  private readonly own = new CoordinatorSessionStore();
  private provided: CoordinatorSessionStore | undefined;
  private joined: CoordinatorSessionStore | undefined;
  private unsubscribe: (() => void) | undefined;
  /** The client last seen, to tell the host once of each sign-in and sign-out. */
  private seen: CptsClient | undefined;
  private typedHere = false;
  /** The page's token last signed in with, so each new one is tried once. */
  private pageToken: string | undefined;

  constructor(host: CoordinatorSessionHost, options: CoordinatorSessionOptions) {
    this.element = host;
    this.options = options;
    this.kind = options.kind ?? 'tool';
    new ContextConsumer(host, {
      context: coordinatorSessionContext,
      subscribe: true,
      callback: (store) => {
        this.provided = store;
        if (host.isConnected) this.connect();
      },
    });
    host.addController(this);
  }

  /** The session this host takes part in: its provider's, else its own. */
  get store(): CoordinatorSessionStore {
    return this.provided ?? this.own;
  }

  /** The coordinator's client; still set while a refused token is asked for again. */
  get client(): CptsClient | undefined {
    return this.store.client;
  }

  get signedIn(): boolean {
    return this.store.status === 'signed-in';
  }

  /** The token was refused mid-session: the views stay, the form asks for a new token. */
  get refused(): boolean {
    return this.store.status === 'refused';
  }

  /** Whether this host shows the sign-in form (or, signed in, the sign-out). */
  get showsForm(): boolean {
    return this.store.formMember === this;
  }

  /** Whether other members share this session (a provider's): one sign-out serves them all. */
  get shared(): boolean {
    return this.provided !== undefined;
  }

  hostConnected(): void {
    this.connect();
  }

  hostUpdate(): void {
    const token = this.options.token?.();
    if (token && token !== this.pageToken) {
      this.pageToken = token;
      void this.signIn(token);
    }
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.joined?.leave(this);
    this.joined = undefined;
  }

  /** Checks the token typed and signs every tool of the session in. */
  async signIn(token: string): Promise<boolean> {
    const base = this.element.resolveClient();
    if (!base) {
      // no `api` and `territory` (nor provider): say what the page lacks, not « token refused »
      this.store.problem = 'failed';
      this.store.error = new CptsConfigError('coordinator session: set "api" and "territory", or put the tool in a <cpts-provider>');
      this.element.requestUpdate();
      return false;
    }
    this.typedHere = true;
    const ok = await this.store.signIn(base, token, this.options.verify);
    this.typedHere = false;
    if (ok && this.store.client) this.element.dispatchEvent(new CptsSignedInEvent(this.store.client));
    else void this.whenRendered().then(() => this.focusToken());
    return ok;
  }

  /** Signs every tool of the session out; focus goes to the form's token field. */
  signOut(): void {
    this.store.signOut();
    void this.whenRendered().then(() => this.store.focusForm());
  }

  /** When `error` is a refused token, asks for it again (above this host's view) and returns true. */
  reportRefused(error: unknown): boolean {
    if (!isRefusal(error)) return false;
    this.store.refuse(this);
    void this.whenRendered().then(() => this.focusToken());
    return true;
  }

  /**
   * A request of the tool failed: a refused token is asked for again (and `undefined` returned);
   * anything else is reported as `cpts-error` and its words returned, for the tool to show.
   */
  reportFailure(error: unknown): string | undefined {
    if (this.reportRefused(error)) return undefined;
    this.element.dispatchEvent(new CptsErrorEvent(error));
    return this.options.errorMessage(error);
  }

  /** For a child's `@cpts-error` (an editor, an import: they show their own failures): a refused token is the session's to ask for. */
  readonly onChildError = (event: CptsErrorEvent): void => {
    this.reportRefused(event.error);
  };

  focusToken(): void {
    this.element.shadowRoot?.querySelector<HTMLInputElement>(`#${this.options.idPrefix}-token`)?.focus();
  }

  /**
   * The form when this host shows it; once signed in, the sign-out (unless a provider's
   * `<cpts-coordinator-sign-in>` holds it); in the other tools, « Connectez-vous ci-dessus ».
   */
  renderSignIn(): TemplateResult | typeof nothing {
    const store = this.store;
    const s = this.options.strings();
    if (store.status === 'signed-in') {
      if (!this.showsForm) return nothing;
      return html`<div class="session" part="session">
        <p>${s.signedIn}</p>
        <button type="button" class="secondary" id=${`${this.options.idPrefix}-sign-out`} @click=${() => this.signOut()}>${s.signOut}</button>
      </div>`;
    }
    if (!this.showsForm) {
      // refused elsewhere: this tool keeps its view, the form shows where the refusal happened
      if (store.status === 'refused') return nothing;
      return html`<p class="sign-in-above" part="sign-in-above">${s.signInAbove}
        <button type="button" class="link" @click=${() => store.focusForm()}>${s.goToSignIn}</button></p>`;
    }
    return renderSignInForm({
      idPrefix: this.options.idPrefix,
      strings: s,
      problem: store.problem,
      failure: this.options.errorMessage(store.error),
      expired: store.status === 'refused',
      checking: store.status === 'checking',
      onSubmit: (token) => void this.signIn(token),
    });
  }

  /** A tool's whole view: the session's lines, the tool once signed in, and a failure while signed out. */
  renderTool(tool: () => TemplateResult, failure: string | undefined): TemplateResult {
    const client = this.client;
    return html`${this.renderSignIn()} ${client ? tool() : nothing}
      ${!client && failure ? html`<div role="alert" class="failure"><p>${failure}</p></div>` : nothing}`;
  }

  private connect(): void {
    const store = this.store;
    if (this.joined === store) return;
    this.unsubscribe?.();
    this.joined?.leave(this);
    this.joined = store;
    this.unsubscribe = store.subscribe(this.onChange);
    store.join(this);
  }

  private readonly onChange = (): void => {
    // first: the host's callbacks may wait for `updateComplete` to move focus into what it renders
    this.element.requestUpdate();
    const client = this.store.status === 'signed-in' ? this.store.client : undefined;
    if (client && client !== this.seen) {
      this.seen = client;
      const typed = this.typedHere;
      // a sign-in shared by the page can come before this tool's own strings have loaded
      const loading = this.element.whenStringsLoaded?.();
      const signedIn = () => {
        if (this.seen === client) this.options.onSignedIn?.(client, typed);
      };
      if (loading) void loading.then(signedIn);
      else signedIn();
    } else if (!this.store.client && this.seen) {
      this.seen = undefined;
      this.options.onSignedOut?.();
    }
  };

  private async whenRendered(): Promise<void> {
    await (this.element as unknown as {updateComplete?: Promise<unknown>}).updateComplete;
  }
}
