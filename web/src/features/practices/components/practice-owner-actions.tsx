import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeStatus } from '../../../gql/graphql';
import { splitUserErrorsByPath, type UserErrorLike } from '../../../app/ui/user-errors';
import { ArchivePracticeDocument, PublishPracticeDocument } from '../graphql/practices';
import { practiceFieldKey } from '../practice-fields';
import { useFieldLabel } from './use-field-label';
import { InlineAlert } from '../../../app/ui/inline-alert';

interface Props {
  practice: { id: string; title: string; status: PracticeStatus; version: number };
  onReload: () => Promise<unknown>;
}

/** Edit, publish, archive and publish again, for the owning organisation's editors and admins. */
export function PracticeOwnerActions({ practice, onReload }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [publish, publishState] = useMutation(PublishPracticeDocument);
  const [archive, archiveState] = useMutation(ArchivePracticeDocument);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState('');
  const busy = publishState.loading || archiveState.loading;
  const input = { practiceId: practice.id, version: practice.version };

  function report(userErrors: readonly UserErrorLike[]) {
    const split = splitUserErrorsByPath(userErrors, practiceFieldKey);
    setConflict(split.conflict);
    setProblems([
      ...split.formErrors,
      ...Object.entries(split.fieldErrors).map(([field, message]) => `${fieldLabel(field)}: ${message}`),
    ]);
  }

  async function run(action: 'publish' | 'archive') {
    if (action === 'archive' && !window.confirm(t('practice.page.confirmArchive', { title: practice.title }))) return;
    setProblems([]);
    setConflict(false);
    setDone('');
    try {
      const payload =
        action === 'publish'
          ? (await publish({ variables: { input } })).data?.publishPractice
          : (await archive({ variables: { input } })).data?.archivePractice;
      if (!payload) return;
      if (payload.userErrors.length > 0) report(payload.userErrors);
      else setDone(action === 'publish' ? t('practice.page.published') : t('practice.page.archived'));
    } catch (error) {
      setProblems([error instanceof Error ? error.message : t('errors.network')]);
    }
  }

  return (
    <div className="owner-actions" role="group" aria-label={t('practice.page.ownerActions')}>
      <div className="button-row">
        <Link className="button button--secondary" to={`/practices/${encodeURIComponent(practice.id)}/edit`}>
          {t('practice.page.edit')}
        </Link>
        {practice.status === 'DRAFT' && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('publish')}>
            {publishState.loading ? t('practice.page.working') : t('practice.page.publish')}
          </button>
        )}
        {practice.status === 'PUBLISHED' && (
          <button
            type="button"
            className="button button--danger-quiet"
            disabled={busy}
            onClick={() => void run('archive')}
          >
            {archiveState.loading ? t('practice.page.working') : t('practice.page.archive')}
          </button>
        )}
        {practice.status === 'ARCHIVED' && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('publish')}>
            {publishState.loading ? t('practice.page.working') : t('practice.page.republish')}
          </button>
        )}
        <span className="muted">{t('practice.page.version', { version: practice.version })}</span>
      </div>
      <p role="status" className="form-status">
        {done}
      </p>
      {conflict && (
        <div className="inline-alert" role="alert">
          <p>{t('practice.page.conflict')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void onReload().then(() => setConflict(false))}
          >
            {t('practice.page.reload')}
          </button>
        </div>
      )}
      <InlineAlert messages={problems} />
    </div>
  );
}
