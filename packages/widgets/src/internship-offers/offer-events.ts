import type {InternshipInterestCreated, InternshipOffer} from '@cpts-kit/contract';

/** An offer's detail was opened (by a click, or by a `#offre-<id>` link); `detail` is the offer. */
export class CptsOfferSelectEvent extends CustomEvent<InternshipOffer> {
  constructor(offer: InternshipOffer) {
    super('cpts-offer-select', {bubbles: true, composed: true, detail: offer});
  }
}

/** An intern's interest was received by the server. */
export class CptsInterestSentEvent extends CustomEvent<{offerId: string; created: InternshipInterestCreated}> {
  constructor(offerId: string, created: InternshipInterestCreated) {
    super('cpts-interest-sent', {bubbles: true, composed: true, detail: {offerId, created}});
  }
}

/** A coordinator saved, published, archived or duplicated an offer; `detail` is the offer as saved. */
export class CptsOfferSavedEvent extends CustomEvent<InternshipOffer> {
  constructor(offer: InternshipOffer) {
    super('cpts-offer-saved', {bubbles: true, composed: true, detail: offer});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpts-offer-select': CptsOfferSelectEvent;
    'cpts-interest-sent': CptsInterestSentEvent;
    'cpts-offer-saved': CptsOfferSavedEvent;
  }
}
