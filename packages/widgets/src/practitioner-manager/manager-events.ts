import type {Practitioner, PractitionerImportResult} from '@cpts-kit/contract';

/** A practitioner was created, edited, deactivated or reactivated; `detail` is them as saved. */
export class CptsPractitionerSavedEvent extends CustomEvent<Practitioner> {
  constructor(practitioner: Practitioner) {
    super('cpts-practitioner-saved', {bubbles: true, composed: true, detail: practitioner});
  }
}

/** A practitioner was deleted; `detail.id` is theirs. */
export class CptsPractitionerDeletedEvent extends CustomEvent<{id: string}> {
  constructor(id: string) {
    super('cpts-practitioner-deleted', {bubbles: true, composed: true, detail: {id}});
  }
}

/** A personal link was issued; `detail.url` is the full link (shown once to the coordinator). */
export class CptsLinkIssuedEvent extends CustomEvent<{practitionerId: string; url: string; expiresAt: string}> {
  constructor(detail: {practitionerId: string; url: string; expiresAt: string}) {
    super('cpts-link-issued', {bubbles: true, composed: true, detail});
  }
}

/** A CSV file was imported for real (not a dry run); `detail` is the server's count. */
export class CptsPractitionersImportedEvent extends CustomEvent<PractitionerImportResult> {
  constructor(result: PractitionerImportResult) {
    super('cpts-practitioners-imported', {bubbles: true, composed: true, detail: result});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-practitioner-saved': CptsPractitionerSavedEvent;
    'cpts-practitioner-deleted': CptsPractitionerDeletedEvent;
    'cpts-link-issued': CptsLinkIssuedEvent;
    'cpts-practitioners-imported': CptsPractitionersImportedEvent;
  }
}
