import type {PractitionerPublic} from '@cpts-kit/contract';

/** A practitioner was chosen on the map or in the list; `detail` is that practitioner. */
export class CptsSelectEvent extends CustomEvent<PractitionerPublic> {
  constructor(practitioner: PractitionerPublic) {
    super('cpts-select', {bubbles: true, composed: true, detail: practitioner});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-select': CptsSelectEvent;
  }
}
