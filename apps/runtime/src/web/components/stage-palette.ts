/** Stage steps without their own colour get one by position, so a pipeline reads at a glance. */
export const STAGE_PALETTE = ['#1664ff', '#7b61ff', '#13a8a8', '#de7802', '#2ea121', '#d83931', '#646a73'];

/** The colour of the `index`-th stage: its own, else the palette's. */
export function stageColor(own: string | undefined, index: number): string {
  return own ?? STAGE_PALETTE[index % STAGE_PALETTE.length]!;
}
