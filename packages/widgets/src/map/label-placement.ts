/** A box in the map container's pixels (or, for a marker's shape, relative to its point). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A little air between two things drawn, in pixels. */
const GAP = 2;
/** How far a name may move to clear a marker: farther, it would no longer read as its dot's name. */
const MAX_SHIFT = 40;
/** Markers met one after the other while moving aside: a crowd beyond that leaves the name out. */
const MAX_STEPS = 4;
/** The centre dot's radius, and the room between it and its name (marker-styles.ts draws them so). */
const DOT_RADIUS = 4;
const DOT_NAME_GAP = 4;
const CELL = 64;

const intersects = (a: Box, b: Box, gap = GAP): boolean => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

export const moved = (box: Box, dx: number, dy: number): Box => ({left: box.left + dx, top: box.top + dy, right: box.right + dx, bottom: box.bottom + dy});

/**
 * Boxes bucketed in square cells: a name is tested against the markers and names near it only, so
 * placing the names stays cheap however many markers a view shows.
 */
export class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  add(box: Box): void {
    for (let x = cell(box.left); x <= cell(box.right); x++) {
      for (let y = cell(box.top); y <= cell(box.bottom); y++) {
        const key = cellKey(x, y);
        const boxes = this.cells.get(key);
        if (boxes) boxes.push(box);
        else this.cells.set(key, [box]);
      }
    }
  }

  /** A box this one would touch (closer than `gap`), if any. */
  hit(box: Box, gap = GAP): Box | undefined {
    for (let x = cell(box.left - gap); x <= cell(box.right + gap); x++) {
      for (let y = cell(box.top - gap); y <= cell(box.bottom + gap); y++) {
        const boxes = this.cells.get(cellKey(x, y));
        if (boxes) for (const other of boxes) if (intersects(box, other, gap)) return other;
      }
    }
    return undefined;
  }
}

const cell = (pixels: number) => Math.floor(pixels / CELL);
// a view is a few thousand pixels at most: rows of 100,003 cells never collide
const cellKey = (x: number, y: number) => x * 100_003 + y;

type Side = 'right' | 'left' | 'above' | 'below';
const SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];

/** The name's box beside its dot at `x, y`, on one side. */
function beside(x: number, y: number, size: Size, side: Side): Box {
  const {width, height} = size;
  const near = DOT_RADIUS + DOT_NAME_GAP;
  // above and below, the line's own leading already leaves air between the dot and the letters
  const left = side === 'right' ? x + near : side === 'left' ? x - near - width : x - width / 2;
  const top = side === 'above' ? y - DOT_RADIUS - height : side === 'below' ? y + DOT_RADIUS : y - height / 2;
  return {left, top, right: left + width, bottom: top + height};
}

/** The box moved on along its side until it is past `marker`. */
function pastMarker(box: Box, marker: Box, side: Side): Box {
  switch (side) {
    case 'right':
      return moved(box, marker.right + GAP - box.left, 0);
    case 'left':
      return moved(box, marker.left - GAP - box.right, 0);
    case 'above':
      return moved(box, 0, marker.top - GAP - box.bottom);
    case 'below':
      return moved(box, 0, marker.bottom + GAP - box.top);
  }
}

/** Moves a name along its side past the markers in its way; undefined when they go on too far. */
function clearOfMarkers(start: Box, side: Side, markers: BoxGrid): Box | undefined {
  let box = start;
  for (let step = 0; step < MAX_STEPS; step++) {
    const marker = markers.hit(box);
    if (!marker) return box;
    box = pastMarker(box, marker, side);
    if (Math.abs(box.left - start.left) + Math.abs(box.top - start.top) > MAX_SHIFT) return undefined;
  }
  return markers.hit(box) ? undefined : box;
}

/**
 * Where a commune's name goes, its dot being at `x, y`: to the right of the dot, as always. Only
 * when a marker would cover it there: on the left, above or below, whichever touches neither a
 * marker nor a name already placed; else the first side that a short move clears of the markers
 * (the dot is then under a marker: the name goes beside it). Undefined when no place is free: the
 * name is left out at this zoom, as it is when another name takes its place on the right (more
 * sides for every name would crowd the map, each name further from telling which dot it names).
 */
export function placeName(x: number, y: number, size: Size, markers: BoxGrid, names: BoxGrid): Box | undefined {
  const right = beside(x, y, size, 'right');
  if (!markers.hit(right)) return names.hit(right) ? undefined : right;
  for (const side of SIDES) {
    const box = beside(x, y, size, side);
    if (!markers.hit(box) && !names.hit(box)) return box;
  }
  for (const side of SIDES) {
    const box = clearOfMarkers(beside(x, y, size, side), side, markers);
    if (box && !names.hit(box)) return box;
  }
  return undefined;
}

/** The dot's own box, which other names must leave free. */
export const dotBox = (x: number, y: number): Box => ({left: x - DOT_RADIUS, top: y - DOT_RADIUS, right: x + DOT_RADIUS, bottom: y + DOT_RADIUS});
