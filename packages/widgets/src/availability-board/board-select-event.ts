import type {BoardRow} from '@cpts-kit/contract';

/**
 * A row of `<cpts-availability-board>` was chosen (its name in the table, or its marker on the
 * map); `detail` is the row. Named `cpts-select` like the public map's event, whose `detail` is a
 * public practitioner instead: listeners tell them apart by `event.target`.
 */
export class CptsBoardSelectEvent extends CustomEvent<BoardRow> {
  constructor(row: BoardRow) {
    super('cpts-select', {bubbles: true, composed: true, detail: row});
  }
}
