import { useTranslation } from 'react-i18next';
import { SCORE_VALUES } from '../review-model';

interface Props {
  /** The first radio gets this id (error summaries focus it); the others `${id}-${value}`. */
  id: string;
  name: string;
  legend: string;
  /** What the criterion asks. */
  question: string;
  /** What 1, 3 and 5 mean. */
  guide: { 1: string; 3: string; 5: string };
  value: number | null;
  error?: string | null;
  onValueChange: (value: number) => void;
}

const radioId = (id: string, value: number) => (value === 1 ? id : `${id}-${value}`);

/** A 1–5 score as a group of radio buttons, with what the low, middle and high ends mean. */
export function ScoreField({ id, name, legend, question, guide, value, error, onValueChange }: Props) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`fieldset field score-field${error ? ' field--invalid' : ''}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
      data-score-field={name}
    >
      <legend className="field__label">
        {legend}
        <span className="field__required"> {t('forms.requiredMark')}</span>
      </legend>
      <div className="field__hint" id={hintId}>
        <p>{question}</p>
        <dl className="score-guide">
          {([1, 3, 5] as const).map((point) => (
            <div key={point}>
              <dt>{t('reviews.form.guidePoint', { point })}</dt>
              <dd>{guide[point]}</dd>
            </div>
          ))}
        </dl>
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('forms.errorPrefix')}: </span>
          {error}
        </p>
      )}
      <div className="score-scale">
        {SCORE_VALUES.map((point) => (
          <label key={point} className="score-scale__option" htmlFor={radioId(id, point)}>
            <input
              type="radio"
              id={radioId(id, point)}
              name={name}
              value={point}
              checked={value === point}
              aria-invalid={error ? true : undefined}
              onChange={() => onValueChange(point)}
            />
            <span>{point}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
