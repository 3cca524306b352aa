import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../../app/ui/form-fields';
import { MarkdownView } from '../../practices/components/markdown-view';
import { REVIEW_LIMITS, reviewLength } from '../review-model';

interface Props {
  id: string;
  value: string;
  error?: string | null;
  onValueChange: (value: string) => void;
}

/**
 * The review text with a live count against the 200-character minimum. The count is part of the
 * field's description; only reaching the minimum is announced, not every keystroke.
 */
export function ReviewBodyField({ id, value, error, onValueChange }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const length = reviewLength(value);
  const missing = Math.max(0, REVIEW_LIMITS.minBody - length);
  const countId = `${id}-count`;
  const previewId = `${id}-preview`;
  return (
    <div className="markdown-field review-body-field">
      <FieldShell
        id={id}
        label={t('reviews.form.body')}
        hint={`${t('reviews.form.bodyHint', { min: REVIEW_LIMITS.minBody })} ${t('practice.editor.markdownHint')}`}
        error={error}
        required
      >
        {(control) => (
          <>
            <textarea
              className="input input--multiline"
              rows={10}
              {...control}
              aria-describedby={[control['aria-describedby'], countId].filter(Boolean).join(' ')}
              value={value}
              onChange={(event) => onValueChange(event.target.value)}
            />
            <p id={countId} className={`char-count${missing > 0 ? '' : ' char-count--enough'}`} data-length={length}>
              {missing > 0
                ? t('reviews.form.countShort', { length, min: REVIEW_LIMITS.minBody, missing })
                : t('reviews.form.countEnough', { length, min: REVIEW_LIMITS.minBody })}
            </p>
          </>
        )}
      </FieldShell>
      <p className="visually-hidden" role="status">
        {length >= REVIEW_LIMITS.minBody ? t('reviews.form.countReached', { min: REVIEW_LIMITS.minBody }) : ''}
      </p>
      <button
        type="button"
        className="button button--quiet markdown-field__toggle"
        aria-expanded={preview}
        aria-controls={previewId}
        onClick={() => setPreview((shown) => !shown)}
      >
        {preview ? t('practice.editor.hidePreview') : t('practice.editor.showPreview')}
      </button>
      <div
        id={previewId}
        className="markdown-preview"
        role="region"
        aria-label={t('practice.editor.previewOf', { field: t('reviews.form.body') })}
        hidden={!preview}
      >
        {preview &&
          (value.trim() ? (
            <MarkdownView source={value} />
          ) : (
            <p className="muted">{t('practice.editor.previewEmpty')}</p>
          ))}
      </div>
    </div>
  );
}
