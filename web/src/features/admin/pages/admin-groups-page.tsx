import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { useSession } from '../../../app/session/session-context';
import { FormAlert, TextAreaField, TextField } from '../../../app/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { splitUserErrors } from '../../../app/ui/user-errors';
import type { JoinPolicy } from '../../../gql/graphql';
import { ThematicGroupsDocument } from '../../groups/graphql/groups';
import {
  CREATE_GROUP_LIMITS,
  validateCreateGroup,
  type CreateGroupField,
  type CreateGroupValues,
} from '../create-group-validation';
import { AdminThematicGroupsDocument, CreateThematicGroupDocument } from '../graphql/admin-groups';

export function AdminGroupsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('adminGroups.title')}>
      <AdminGroups />
    </RequireSignIn>
  );
}

function AdminGroups() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminGroups.title'));
  const { hasPlatformRole, loading: sessionLoading } = useSession();
  if (sessionLoading) return <LoadingState />;
  if (!hasPlatformRole('PLATFORM_ADMIN')) {
    return (
      <div className="page page--narrow">
        <h1>{t('adminGroups.title')}</h1>
        <p role="alert">{t('adminGroups.forbidden')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t('adminGroups.title')}</h1>
      <p className="lead">{t('adminGroups.lead')}</p>
      <section aria-labelledby="create-group-title" className="panel">
        <h2 id="create-group-title">{t('adminGroups.createTitle')}</h2>
        <CreateGroupForm />
      </section>
      <ExistingGroups />
    </div>
  );
}

function ExistingGroups() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(AdminThematicGroupsDocument, { fetchPolicy: 'cache-and-network' });
  const groups = data?.thematicGroups.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="existing-groups-title" className="panel">
      <h2 id="existing-groups-title">{t('adminGroups.existingTitle')}</h2>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && groups.length === 0 && <EmptyState>{t('groups.empty')}</EmptyState>}
      {groups.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('adminGroups.existingTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminGroups.fields.titleRu')}</th>
                <th scope="col">{t('adminGroups.fields.titleEn')}</th>
                <th scope="col">{t('adminGroups.fields.slug')}</th>
                <th scope="col">{t('adminGroups.fields.joinPolicy')}</th>
                <th scope="col">{t('adminGroups.activeMembers')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.id}>
                  <th scope="row">
                    <Link to={`/groups/${group.slug}`}>{group.titleRu}</Link>
                  </th>
                  <td lang="en">{group.titleEn}</td>
                  <td>
                    <code>{group.slug}</code>
                  </td>
                  <td>{t(`groups.joinPolicy.${group.joinPolicy}`)}</td>
                  <td>{group.activeMemberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const EMPTY: CreateGroupValues = {
  slug: '',
  titleRu: '',
  titleEn: '',
  descriptionRu: '',
  descriptionEn: '',
  joinPolicy: 'MODERATED',
};
const FIELDS: CreateGroupField[] = ['slug', 'titleRu', 'titleEn', 'descriptionRu', 'descriptionEn', 'joinPolicy'];

function CreateGroupForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<CreateGroupField, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create, { loading }] = useMutation(CreateThematicGroupDocument, {
    refetchQueries: [{ query: AdminThematicGroupsDocument }, { query: ThematicGroupsDocument }],
  });
  const id = (field: CreateGroupField) => `group-${field}`;

  function update(field: CreateGroupField, value: string) {
    setCreated(null);
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormErrors([]);
    setCreated(null);
    const problems = validateCreateGroup(values);
    const translated = Object.fromEntries(
      Object.entries(problems).map(([field, key]) => [
        field,
        t(key, { max: CREATE_GROUP_LIMITS[field as CreateGroupField] }),
      ]),
    );
    setErrors(translated);
    if (Object.keys(translated).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      const result = await create({
        variables: {
          input: {
            slug: values.slug.trim(),
            titleRu: values.titleRu.trim(),
            titleEn: values.titleEn.trim(),
            descriptionRu: values.descriptionRu.trim(),
            descriptionEn: values.descriptionEn.trim(),
            joinPolicy: values.joinPolicy,
          },
        },
      });
      const payload = result.data?.createThematicGroup;
      const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
      setErrors(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (payload?.group && payload.userErrors.length === 0) {
        setCreated(payload.group.titleRu);
        setValues(EMPTY);
      } else {
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
    } catch (e) {
      setFormErrors([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  const fieldLinks = FIELDS.flatMap((field) =>
    errors[field] ? [{ id: id(field), message: `${t(`adminGroups.fields.${field}`)}: ${errors[field]}` }] : [],
  );

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="create-group-title">
      <div ref={summaryRef} tabIndex={-1} className="form-alert-anchor">
        <FormAlert messages={formErrors} fieldLinks={fieldLinks} />
      </div>
      <TextField
        id={id('slug')}
        label={t('adminGroups.fields.slug')}
        hint={t('adminGroups.hints.slug')}
        required
        spellCheck={false}
        autoCapitalize="none"
        value={values.slug}
        error={errors.slug}
        onValueChange={(v) => update('slug', v)}
      />
      <div className="field-row">
        <TextField
          id={id('titleRu')}
          lang="ru"
          label={t('adminGroups.fields.titleRu')}
          required
          value={values.titleRu}
          error={errors.titleRu}
          onValueChange={(v) => update('titleRu', v)}
        />
        <TextField
          id={id('titleEn')}
          lang="en"
          label={t('adminGroups.fields.titleEn')}
          required
          value={values.titleEn}
          error={errors.titleEn}
          onValueChange={(v) => update('titleEn', v)}
        />
      </div>
      <TextAreaField
        id={id('descriptionRu')}
        lang="ru"
        label={t('adminGroups.fields.descriptionRu')}
        required
        value={values.descriptionRu}
        error={errors.descriptionRu}
        onValueChange={(v) => update('descriptionRu', v)}
      />
      <TextAreaField
        id={id('descriptionEn')}
        lang="en"
        label={t('adminGroups.fields.descriptionEn')}
        required
        value={values.descriptionEn}
        error={errors.descriptionEn}
        onValueChange={(v) => update('descriptionEn', v)}
      />
      <fieldset className="fieldset" id={id('joinPolicy')} tabIndex={-1}>
        <legend className="field__label">{t('adminGroups.fields.joinPolicy')}</legend>
        {errors.joinPolicy && <p className="field__error">{errors.joinPolicy}</p>}
        {(['MODERATED', 'OPEN'] as JoinPolicy[]).map((policy) => (
          <label key={policy} className="choice">
            <input
              type="radio"
              name="joinPolicy"
              value={policy}
              checked={values.joinPolicy === policy}
              onChange={() => update('joinPolicy', policy)}
            />
            <span>
              {t(`groups.joinPolicy.${policy}`)}
              <span className="choice__hint">{t(`groups.joinPolicyHint.${policy}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('common.saving') : t('adminGroups.submit')}
        </button>
        <p role="status" className="form-status">
          {created ? t('adminGroups.created', { title: created }) : ''}
        </p>
      </div>
    </form>
  );
}
