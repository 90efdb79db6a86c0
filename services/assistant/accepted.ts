import type { Analysis } from './types';

/**
 * The time the customer accepted, as a range the meeting flow can book and confirm directly (start
 * and end in ms): only a time with its hour, still ahead of `now`. Null otherwise, and the flow
 * proposes slots as usual.
 */
export function acceptedRange(
  analysis: Pick<Analysis, 'acceptedTime'>,
  durationMin: number,
  now: number = Date.now(),
): { start: number; end: number } | null {
  const t = analysis.acceptedTime;
  if (!t || !t.timeCertain || t.past) return null;
  const start = Date.parse(t.start);
  if (!Number.isFinite(start) || start <= now || durationMin <= 0) return null;
  return { start, end: start + durationMin * 60_000 };
}
