/**
 * A widget could not do its job (the API answered with an error, the network failed, the widget is
 * misconfigured). The widget shows a message to the user as well; this is for the host page's
 * logs or analytics. `error` is what the SDK threw (`CptsApiError`, `CptsNetworkError`…).
 */
export class CptsErrorEvent extends Event {
  readonly error: unknown;
  constructor(error: unknown) {
    super('cpts-error', {bubbles: true, composed: true});
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-error': CptsErrorEvent;
  }
}
