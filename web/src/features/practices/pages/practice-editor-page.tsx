import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { NotFoundContent } from '../../../app/routing/not-found-page';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { PracticeEditor } from '../components/editor/practice-editor';
import { PracticeEditorContextDocument, PracticeForEditDocument } from '../graphql/practices';
import { EDITOR_STEPS, type EditorStep } from '../practice-fields';
import { EMPTY_PRACTICE, valuesFromContent } from '../practice-model';

function stepFrom(search: URLSearchParams): EditorStep {
  const step = search.get('step');
  return (EDITOR_STEPS as readonly string[]).includes(step ?? '') ? (step as EditorStep) : 'context';
}

function EditorFrame({
  title,
  practice,
  children,
}: {
  title: string;
  practice?: { id: string; title: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
        <Link to="/practices">{t('practices.title')}</Link>
        {practice && (
          <>
            <span aria-hidden="true"> / </span>
            <Link to={`/practices/${encodeURIComponent(practice.id)}`}>{practice.title}</Link>
          </>
        )}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <header className="page__header">
        <h1>{title}</h1>
        <p className="lead">{t('practice.editor.lead')}</p>
      </header>
      {children}
    </div>
  );
}

/** Editors and admins of the active organisation write practices; others learn why they cannot. */
function useWriterProblem(activeRole: string | null | undefined, hasOrganisation: boolean): string | null {
  const { t } = useTranslation();
  if (!hasOrganisation) return t('practice.editor.needsOrganisation');
  if (activeRole !== 'EDITOR' && activeRole !== 'ADMIN') {
    const role = activeRole === 'REVIEWER' || activeRole === 'VIEWER' ? t(`role.${activeRole}`) : '—';
    return t('practice.editor.needsRole', { role });
  }
  return null;
}

export function NewPracticePage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('practice.editor.newTitle')}>
      <NewPractice />
    </RequireSignIn>
  );
}

function NewPractice() {
  const { t } = useTranslation();
  useDocumentTitle(t('practice.editor.newTitle'));
  const [search] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(PracticeEditorContextDocument, { fetchPolicy: 'network-only' });
  const organisation = data?.me?.activeOrganisation ?? null;
  const writerProblem = useWriterProblem(data?.me?.activeRole, organisation !== null);
  // The thematic groups the organisation acted for is an ACTIVE member of.
  const groups = organisation
    ? (data?.thematicGroups.edges ?? [])
        .map((edge) => edge.node)
        .filter((group) => group.viewerMembership?.status === 'ACTIVE')
    : [];
  // Read when the editor opens (it keeps its own copy): the group named in the address, or the only one.
  const wanted = search.get('group');
  const chosen = groups.find((group) => group.slug === wanted) ?? (groups.length === 1 ? groups[0] : undefined);
  const initialValues = { ...EMPTY_PRACTICE, groupId: chosen?.id ?? '' };

  let body: ReactNode;
  if (loading && !data) body = <LoadingState />;
  else if (error && !data) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (writerProblem) body = <p className="notice">{writerProblem}</p>;
  else if (groups.length === 0)
    body = (
      <div className="notice">
        <p>{t('practice.editor.noGroups')}</p>
        <Link to="/">{t('practice.editor.toGroups')}</Link>
      </div>
    );
  else
    body = (
      <PracticeEditor
        practice={null}
        fixedGroup={null}
        groups={groups}
        methods={data?.feedbackMethods ?? []}
        initialValues={initialValues}
        initialStep={stepFrom(search)}
        onReload={() => undefined}
      />
    );
  return <EditorFrame title={t('practice.editor.newTitle')}>{body}</EditorFrame>;
}

export function EditPracticePage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('practice.editor.editTitle')}>
      <EditPractice />
    </RequireSignIn>
  );
}

function EditPractice() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const [reloads, setReloads] = useState(0);
  const practiceQuery = useQuery(PracticeForEditDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const context = useQuery(PracticeEditorContextDocument, { fetchPolicy: 'cache-and-network' });
  const practice = practiceQuery.data?.practice ?? null;
  useDocumentTitle(
    practice ? `${t('practice.editor.editTitle')}: ${practice.content.title}` : t('practice.editor.editTitle'),
  );
  const writerProblem = useWriterProblem(
    context.data?.me?.activeRole,
    (context.data?.me?.activeOrganisation ?? null) !== null,
  );
  // The editor keeps its own copy; it is rebuilt (new key) when the practice is loaded again after a conflict.
  const initialValues = practice ? valuesFromContent(practice.content, practice.group.id) : null;

  const title = t('practice.editor.editTitle');
  if ((practiceQuery.loading && !practiceQuery.data) || (context.loading && !context.data))
    return (
      <EditorFrame title={title}>
        <LoadingState />
      </EditorFrame>
    );
  const error = practiceQuery.error ?? context.error;
  if (error && (!practiceQuery.data || !context.data))
    return (
      <EditorFrame title={title}>
        <ErrorState
          error={error}
          onRetry={() => {
            void practiceQuery.refetch();
            void context.refetch();
          }}
        />
      </EditorFrame>
    );
  if (!practice || !initialValues) return <NotFoundContent />;
  const frame = { id: practice.id, title: practice.content.title };
  if (!practice.viewerCanEdit || writerProblem)
    return (
      <EditorFrame title={title} practice={frame}>
        <p className="notice">{writerProblem ?? t('practice.editor.cannotEdit')}</p>
      </EditorFrame>
    );
  const arrivedSaved = (location.state as { draftSaved?: boolean } | null)?.draftSaved === true;
  return (
    <EditorFrame title={title} practice={frame}>
      <PracticeEditor
        key={`${practice.id}-${reloads}`}
        practice={{
          id: practice.id,
          status: practice.status,
          version: practice.version,
          revisionNumber: practice.revisionNumber,
        }}
        fixedGroup={practice.group}
        groups={[practice.group]}
        methods={context.data?.feedbackMethods ?? []}
        initialValues={initialValues}
        initialStep={stepFrom(search)}
        initialStatus={arrivedSaved && reloads === 0 ? t('practice.editor.draftSaved') : ''}
        onReload={() => {
          void practiceQuery.refetch().then(() => setReloads((n) => n + 1));
        }}
      />
    </EditorFrame>
  );
}
