import { barWidth } from '../rating-breakdown';

/**
 * A small horizontal bar for a 0–100 score. The bar is decoration: the value is always written
 * next to it, so nothing rests on the bar's length or colour alone.
 */
export function RatingBar({ score, text, label }: { score: number | null; text: string; label?: string }) {
  return (
    <span className="rating-bar">
      {label && <span className="rating-bar__label">{label}</span>}
      <span className="rating-bar__track" aria-hidden="true">
        <span className="rating-bar__fill" style={{ width: `${barWidth(score)}%` }} />
      </span>
      <span className="rating-bar__value">{text}</span>
    </span>
  );
}
