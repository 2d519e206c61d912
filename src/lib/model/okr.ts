import { type IsoDate, daysBetween } from './dates.ts';
import type { KeyResult, ResolvedObjectiveStatus } from './types.ts';

type ProgressInput =
  | Pick<Extract<KeyResult, { kind: 'measured' }>, 'kind' | 'start' | 'target' | 'current'>
  | Pick<Extract<KeyResult, { kind: 'milestone' }>, 'kind' | 'done'>;

/**
 * How far a key result has come, 0..1, or null when it is not measured yet. A measured one
 * goes from its start towards its target, which works for falling targets (churn 5% -> 3%)
 * because the sign of (target - start) cancels out; a milestone is 1 when done, else 0.
 */
export function keyResultProgress(kr: ProgressInput): number | null {
  if (kr.kind === 'milestone') return kr.done ? 1 : 0;
  if (kr.current === null) return null;
  const raw = (kr.current - kr.start) / (kr.target - kr.start);
  return Math.min(1, Math.max(0, raw));
}

/** Mean progress of an objective's measured and milestone key results; null when none has any. */
export function objectiveProgress(keyResults: ProgressInput[]): number | null {
  const measured = keyResults.map(keyResultProgress).filter((p): p is number => p !== null);
  if (measured.length === 0) return null;
  return measured.reduce((sum, p) => sum + p, 0) / measured.length;
}

/** Fraction of a period that has passed by the end of `today`, 0..1. */
export function elapsedFraction(period: { start: IsoDate; end: IsoDate }, today: IsoDate): number {
  if (today < period.start) return 0;
  if (today >= period.end) return 1;
  const total = daysBetween(period.start, period.end) + 1;
  return (daysBetween(period.start, today) + 1) / total;
}

/** How far behind the time elapsed progress may fall and still count as on track, or at risk. */
export const ON_TRACK_SLACK = 0.1;
export const AT_RISK_SLACK = 0.25;

/**
 * An objective's status when its author gave none. After the period: achieved if every key
 * result reached its target on average (progress 1), else missed. During it: progress is
 * compared with the share of the period elapsed; within 10 points is on track, within 25 at
 * risk, further behind off track. Before it starts: on track. With nothing measured there is
 * nothing to compare: "not measured".
 */
export function deriveObjectiveStatus(
  progress: number | null,
  period: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): ResolvedObjectiveStatus {
  if (progress === null) return 'not-measured';
  if (progress >= 1) return 'achieved';
  if (today > period.end) return 'missed';
  // Rounded so that exactly 10 or 25 points behind is not pushed over by float noise.
  const behind = Math.round((elapsedFraction(period, today) - progress) * 1e9) / 1e9;
  if (behind <= ON_TRACK_SLACK) return 'on-track';
  if (behind <= AT_RISK_SLACK) return 'at-risk';
  return 'off-track';
}
