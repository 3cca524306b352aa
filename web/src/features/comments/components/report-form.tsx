import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../app/ui/form-fields';
import type { ReportReason } from '../../../gql/graphql';
import { ReportCommentDocument } from '../graphql/comments';
import { InlineAlert } from '../../../app/ui/inline-alert';

const REASONS: readonly ReportReason[] = ['SPAM', 'OFFENSIVE', 'OFF_TOPIC'];

/** Reports a comment to the moderators with a reason. */
export function ReportForm({
  commentId,
  idPrefix,
  onSent,
  onCancel,
}: {
  commentId: string;
  idPrefix: string;
  onSent: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [report, { loading }] = useMutation(ReportCommentDocument);
  const selectId = `${idPrefix}-report-reason`;
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    ref.current?.querySelector('select')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    if (!reason) {
      setError(t('comments.report.chooseReason'));
      document.getElementById(selectId)?.focus();
      return;
    }
    setError(null);
    try {
      const payload = (await report({ variables: { input: { commentId, reason } } })).data?.reportComment;
      if (!payload) return;
      if (payload.userErrors.length > 0) setProblems(payload.userErrors.map((e) => e.message));
      else onSent();
    } catch (caught) {
      setProblems([caught instanceof Error ? caught.message : t('errors.network')]);
    }
  }

  return (
    <form ref={ref} className="report-form" noValidate onSubmit={(event) => void submit(event)}>
      <SelectField
        id={selectId}
        label={t('comments.report.reason')}
        hint={t('comments.report.hint')}
        required
        value={reason}
        error={error}
        options={[
          { value: '', label: t('comments.report.chooseReasonOption') },
          ...REASONS.map((value) => ({ value, label: t(`comments.report.reasons.${value}`) })),
        ]}
        onValueChange={(value) => setReason(value as ReportReason | '')}
      />
      <InlineAlert messages={problems} />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={loading}>
          {loading ? t('comments.form.sending') : t('comments.report.submit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
