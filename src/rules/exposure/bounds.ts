/**
 * Which end of the range an unknown fact is read at: the worst case (the exposure shown) or the best case
 * (shown beside it with the question that would settle it).
 */
export type Bound = 'worst' | 'best';
