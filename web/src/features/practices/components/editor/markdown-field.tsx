import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../../app/ui/form-fields';
import { LoadingState } from '../../../../app/ui/states';

// The Markdown renderer is loaded the first time someone asks for a preview.
const MarkdownView = lazy(async () => ({ default: (await import('../markdown-view')).MarkdownView }));

interface Props {
  id: string;
  label: string;
  value: string;
  error?: string | null;
  hint?: string;
  rows?: number;
  onValueChange: (value: string) => void;
}

/** A Markdown textarea with a preview that can be shown under it. */
export function MarkdownField({ id, label, value, error, hint, rows = 8, onValueChange }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const previewId = `${id}-preview`;
  return (
    <div className="markdown-field">
      <TextAreaField
        id={id}
        label={label}
        hint={[t('practice.editor.markdownHint'), hint].filter(Boolean).join(' ')}
        rows={rows}
        value={value}
        error={error}
        onValueChange={onValueChange}
      />
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
        aria-label={t('practice.editor.previewOf', { field: label })}
        hidden={!preview}
      >
        {preview &&
          (value.trim() ? (
            <Suspense fallback={<LoadingState />}>
              <MarkdownView source={value} />
            </Suspense>
          ) : (
            <p className="muted">{t('practice.editor.previewEmpty')}</p>
          ))}
      </div>
    </div>
  );
}
