import { type IsoDate, daysBetween } from './dates.ts';
import type { KeyResult, ObjectiveStatus } from './types.ts';

/**
 * How far a key result has come from its start towards its target, 0..1. Works for falling
 * targets (churn 5% -> 3%) because the sign of (target - start) cancels out.
 */
export function keyResultProgress(kr: Pick<KeyResult, 'start' | 'target' | 'current'>): number {
  const raw = (kr.current - kr.start) / (kr.target - kr.start);
  return Math.min(1, Math.max(0, raw));
}

/** Mean progress of an objective's key results. */
export function objectiveProgress(keyResults: Pick<KeyResult, 'start' | 'target' | 'current'>[]): number {
  if (keyResults.length === 0) return 0;
  return keyResults.reduce((sum, kr) => sum + keyResultProgress(kr), 0) / keyResults.length;
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
 * risk, further behind off track. Before it starts: on track.
 */
export function deriveObjectiveStatus(
  progress: number,
  period: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): ObjectiveStatus {
  if (progress >= 1) return 'achieved';
  if (today > period.end) return 'missed';
  // Rounded so that exactly 10 or 25 points behind is not pushed over by float noise.
  const behind = Math.round((elapsedFraction(period, today) - progress) * 1e9) / 1e9;
  if (behind <= ON_TRACK_SLACK) return 'on-track';
  if (behind <= AT_RISK_SLACK) return 'at-risk';
  return 'off-track';
}
