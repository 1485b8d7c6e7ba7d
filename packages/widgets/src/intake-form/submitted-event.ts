export interface CptsSubmittedDetail {
  /** The request's reference, e.g. `DEMO-2026-000123`: what the person quotes on the phone. */
  reference: string;
}

/**
 * The intake form was stored by the server. Carries the reference only: the page may log or count
 * it, but no personal data leaves the widget.
 */
export class CptsSubmittedEvent extends CustomEvent<CptsSubmittedDetail> {
  readonly reference: string;
  constructor(reference: string) {
    super('cpts-submitted', {bubbles: true, composed: true, detail: {reference}});
    this.reference = reference;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-submitted': CptsSubmittedEvent;
  }
}
