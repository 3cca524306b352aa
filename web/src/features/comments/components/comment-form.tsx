import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../app/ui/form-fields';
import { splitUserErrors, type UserErrorLike } from '../../../app/ui/user-errors';
import { InlineAlert } from '../../../app/ui/inline-alert';

export const COMMENT_MAX_LENGTH = 5000;

interface Props {
  id: string;
  label: string;
  submitLabel: string;
  initialBody?: string;
  autoFocus?: boolean;
  /** Sends the text; resolves to the API's userErrors (empty on success). */
  onSubmit: (body: string) => Promise<readonly UserErrorLike[]>;
  onCancel?: () => void;
}

/** A comment's text (1–5,000 characters): a new comment, a reply or an edit. */
export function CommentForm({
  id,
  label,
  submitLabel,
  initialBody = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.querySelector('textarea')?.focus();
  }, [autoFocus]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    setFormErrors([]);
    if (!text) {
      setError(t('comments.form.empty'));
      ref.current?.querySelector('textarea')?.focus();
      return;
    }
    if (text.length > COMMENT_MAX_LENGTH) {
      setError(t('validation.tooLong', { max: COMMENT_MAX_LENGTH }));
      ref.current?.querySelector('textarea')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const userErrors = await onSubmit(text);
      if (userErrors.length > 0) {
        const split = splitUserErrors(userErrors, ['body']);
        setError(split.fieldErrors.body ?? null);
        setFormErrors(split.formErrors);
      } else if (!initialBody) {
        setBody('');
      }
    } catch (caught) {
      setFormErrors([caught instanceof Error ? caught.message : t('errors.network')]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={ref} className="comment-form" noValidate onSubmit={(event) => void submit(event)}>
      <TextAreaField
        id={id}
        label={label}
        hint={t('comments.form.hint')}
        rows={3}
        value={body}
        error={error}
        onValueChange={setBody}
      />
      <InlineAlert messages={formErrors} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('comments.form.sending') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
