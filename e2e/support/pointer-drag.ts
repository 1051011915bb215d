import type { Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

/**
 * A dnd-kit pointer drag: press at `from`, nudge past the sensor's activation distance, glide to `to`, release,
 * then let the drop settle (see {@link settleDrop}).
 */
export async function pointerDrag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
  await settleDrop(page);
}

/**
 * Lets dnd-kit's pending timers run: it swallows clicks for 50 ms after a drop (so the drop is not also a click)
 * and attaches the keyboard sensor's key listener on a zero-delay timer. A page timer queued now
 * runs after those, so the next click or key of the test reaches the app — no wall-clock guess involved.
 */
export async function settleDrop(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 60)));
}

/** The centre of an element's bounding box, or an error naming what was not visible. */
export function centreOf(
  box: { x: number; y: number; width: number; height: number } | null,
  what: string,
): Point {
  if (!box) throw new Error(`${what} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
