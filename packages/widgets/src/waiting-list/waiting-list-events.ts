import type {IntakeImportResult, IntakeRequestCreated, WaitingRequest} from '@cpts-kit/contract';

/** A coordinator registered a person who called or sent the paper form; `detail` is `{id, reference, status}`. */
export class CptsIntakeRegisteredEvent extends CustomEvent<IntakeRequestCreated> {
  constructor(created: IntakeRequestCreated) {
    super('cpts-intake-registered', {bubbles: true, composed: true, detail: created});
  }
}

/** A request was changed (call, status, assignment, notes, merge); `detail` is the request as the server returned it. */
export class CptsIntakeChangedEvent extends CustomEvent<WaitingRequest> {
  constructor(request: WaitingRequest) {
    super('cpts-intake-changed', {bubbles: true, composed: true, detail: request});
  }
}

/** An existing waiting list was imported for real; `detail` is the server's result. */
export class CptsIntakesImportedEvent extends CustomEvent<IntakeImportResult> {
  constructor(result: IntakeImportResult) {
    super('cpts-intakes-imported', {bubbles: true, composed: true, detail: result});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-intake-registered': CptsIntakeRegisteredEvent;
    'cpts-intake-changed': CptsIntakeChangedEvent;
    'cpts-intakes-imported': CptsIntakesImportedEvent;
  }
}
