import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PracticeStatus } from '../../../../gql/graphql';
import { FormAlert } from '../../../../app/ui/form-fields';
import { splitUserErrorsByPath, type UserErrorLike } from '../../../../app/ui/user-errors';
import { CreatePracticeDocument, PublishPracticeDocument, UpdatePracticeDocument } from '../../graphql/practices';
import {
  compareFields,
  EDITOR_STEPS,
  practiceFieldId,
  practiceFieldKey,
  stepOfField,
  type EditorStep,
} from '../../practice-fields';
import {
  emptyEvidenceLink,
  emptyIndicator,
  toContentInput,
  type EvidenceRow,
  type IndicatorRow,
  type PracticeFormValues,
} from '../../practice-model';
import { validatePractice } from '../../practice-validation';
import type { PracticePageFlash } from '../../pages/practice-page-flash';
import { useFieldLabel } from '../use-field-label';
import {
  ContextStep,
  EvidenceStep,
  LoopStep,
  MethodsStep,
  ParticipationStep,
  ResultsStep,
  type EditorGroup,
  type EditorMethod,
} from './editor-steps';

export interface EditedPractice {
  id: string;
  status: PracticeStatus;
  version: number;
  revisionNumber: number;
}

interface Props {
  /** null for a new practice (created on the first save). */
  practice: EditedPractice | null;
  fixedGroup: EditorGroup | null;
  groups: readonly EditorGroup[];
  methods: readonly EditorMethod[];
  initialValues: PracticeFormValues;
  initialStep: EditorStep;
  /** Shown once on arrival, e.g. after the first save created the draft. */
  initialStatus?: string;
  /** Loads the practice again after a CONFLICT (the editor is then rebuilt with it). */
  onReload: () => void;
}

type PendingFocus = 'heading' | 'alert' | { row: 'indicator' | 'link'; index: number } | { id: string } | null;

/** The practice editor: six steps, a draft saved at any step, published at the end. */
export function PracticeEditor({
  practice,
  fixedGroup,
  groups,
  methods,
  initialValues,
  initialStep,
  initialStatus = '',
  onReload,
}: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fieldLabel = useFieldLabel();
  const [values, setValues] = useState(initialValues);
  const [current, setCurrent] = useState(practice);
  const [step, setStep] = useState<EditorStep>(initialStep);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [status, setStatus] = useState(initialStatus);
  const [focusRequest, setFocusRequest] = useState(0);
  const pendingFocus = useRef<PendingFocus>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [createPractice] = useMutation(CreatePracticeDocument);
  const [updatePractice] = useMutation(UpdatePracticeDocument);
  const [publishPractice] = useMutation(PublishPracticeDocument);

  const stepIndex = EDITOR_STEPS.indexOf(step);
  const isDraft = !current || current.status === 'DRAFT';
  const isLast = stepIndex === EDITOR_STEPS.length - 1;

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (!target) return;
    if (target === 'heading') headingRef.current?.focus();
    else if (target === 'alert') alertRef.current?.focus();
    else if ('id' in target) document.getElementById(target.id)?.focus();
    else {
      const id = target.row === 'indicator' ? `indicators.${target.index}.tier` : `evidenceLinks.${target.index}.title`;
      document.getElementById(practiceFieldId(id))?.focus();
    }
  }, [focusRequest]);

  const focusAfterRender = (target: PendingFocus) => {
    pendingFocus.current = target;
    setFocusRequest((n) => n + 1);
  };

  function goTo(next: EditorStep) {
    setStep(next);
    setStatus('');
    focusAfterRender('heading');
  }

  function clearError(key: string) {
    if (errors[key]) setErrors(({ [key]: _removed, ...rest }) => rest);
  }

  function change<K extends keyof PracticeFormValues>(field: K, value: PracticeFormValues[K], errorKey: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    clearError(errorKey);
  }

  // Rows shift when one is removed: their errors no longer point at the right row, so they go.
  const withoutListErrors = (list: string) =>
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !key.startsWith(`${list}`))));

  function changeIndicator(index: number, field: Exclude<keyof IndicatorRow, 'rowKey'>, value: string) {
    setValues((previous) => ({
      ...previous,
      indicators: previous.indicators.map((row, i) => (i === index ? { ...row, [field]: value } : row)),
    }));
    clearError(`indicators.${index}.${field}`);
  }

  function changeLink(index: number, field: Exclude<keyof EvidenceRow, 'rowKey'>, value: string) {
    setValues((previous) => ({
      ...previous,
      evidenceLinks: previous.evidenceLinks.map((row, i) => (i === index ? { ...row, [field]: value } : row)),
    }));
    clearError(`evidenceLinks.${index}.${field}`);
  }

  /** Puts problems at their fields, opens the step of the first one and focuses the summary. */
  function showProblems(fieldErrors: Record<string, string>, other: string[]) {
    setErrors(fieldErrors);
    setFormErrors(other);
    const first = Object.keys(fieldErrors).sort(compareFields)[0];
    const firstStep = first ? stepOfField(first) : null;
    if (firstStep) setStep(firstStep);
    focusAfterRender('alert');
  }

  function refused(userErrors: readonly UserErrorLike[]) {
    const split = splitUserErrorsByPath(userErrors, (path) => {
      const key = practiceFieldKey(path);
      return key === 'groupId' && current ? null : key;
    });
    setConflict(split.conflict);
    showProblems(split.fieldErrors, split.formErrors);
  }

  async function save(intent: 'save' | 'publish') {
    setStatus('');
    setConflict(false);
    const mode = intent === 'publish' || !isDraft ? 'publish' : 'draft';
    const problems = validatePractice(values, { mode, withGroup: !current });
    if (Object.keys(problems).length > 0) {
      showProblems(
        Object.fromEntries(
          Object.entries(problems).map(([key, problem]) => [key, t(problem.key, { max: problem.max })]),
        ),
        [],
      );
      return;
    }
    setErrors({});
    setFormErrors([]);
    setBusy(intent);
    try {
      const content = toContentInput(values);
      const payload = current
        ? (
            await updatePractice({
              variables: { input: { practiceId: current.id, version: current.version, content } },
            })
          ).data?.updatePractice
        : (await createPractice({ variables: { input: { groupId: values.groupId, content } } })).data?.createPractice;
      if (!payload?.practice || payload.userErrors.length > 0) return refused(payload?.userErrors ?? []);
      let saved: EditedPractice = payload.practice;
      setCurrent(saved);
      const page = `/practices/${encodeURIComponent(saved.id)}`;

      if (intent === 'publish' && saved.status === 'DRAFT') {
        const published = (
          await publishPractice({ variables: { input: { practiceId: saved.id, version: saved.version } } })
        ).data?.publishPractice;
        if (!published?.practice || published.userErrors.length > 0) return refused(published?.userErrors ?? []);
        saved = published.practice;
        setCurrent(saved);
        void navigate(page, { state: { flash: 'published' } satisfies PracticePageFlash });
        return;
      }
      if (saved.status !== 'DRAFT') {
        void navigate(page, {
          state: { flash: 'revision', revision: saved.revisionNumber } satisfies PracticePageFlash,
        });
        return;
      }
      if (!current) {
        // The draft exists now: further saves edit it.
        void navigate(`${page}/edit?step=${step}`, { replace: true, state: { draftSaved: true } });
        return;
      }
      setStatus(t('practice.editor.draftSaved'));
    } catch (error) {
      showProblems({}, [error instanceof Error ? error.message : t('errors.network')]);
    } finally {
      setBusy(null);
    }
  }

  function next(event: FormEvent) {
    event.preventDefault();
    if (!isLast) goTo(EDITOR_STEPS[stepIndex + 1]!);
  }

  const errorKeys = Object.keys(errors).sort(compareFields);
  const stepsWithErrors = new Set(errorKeys.map((key) => stepOfField(key)));
  const here = errorKeys.filter((key) => stepOfField(key) === step);
  const elsewhere = EDITOR_STEPS.filter((s) => s !== step && stepsWithErrors.has(s));
  const alertMessages = [
    ...formErrors,
    ...(elsewhere.length > 0
      ? [
          t('practice.editor.otherStepErrors', {
            steps: elsewhere.map((s) => `«${t(`practice.editor.step.${s}`)}»`).join(', '),
          }),
        ]
      : []),
  ];
  const fieldLinks = here.map((key) => ({ id: practiceFieldId(key), message: `${fieldLabel(key)}: ${errors[key]}` }));
  const stepProps = { values, errors, change };

  return (
    <div className="practice-editor">
      {!isDraft && current && (
        <p className="notice">
          {current.status === 'ARCHIVED'
            ? t('practice.editor.archivedNote', { next: current.revisionNumber + 1 })
            : t('practice.editor.publishedNote', { next: current.revisionNumber + 1 })}
        </p>
      )}
      <nav aria-label={t('practice.editor.steps')} className="stepper">
        <ol>
          {EDITOR_STEPS.map((key, index) => (
            <li key={key}>
              <button
                type="button"
                className="stepper__step"
                aria-current={key === step ? 'step' : undefined}
                onClick={() => goTo(key)}
              >
                <span className="stepper__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="stepper__name">{t(`practice.editor.step.${key}`)}</span>
                {stepsWithErrors.has(key) && (
                  <span className="stepper__error">
                    <span aria-hidden="true">! </span>
                    {t('practice.editor.stepHasErrors')}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <form className="form practice-editor__form" noValidate onSubmit={next}>
        <div ref={alertRef} tabIndex={-1} className="form-alert-anchor">
          <FormAlert messages={alertMessages} fieldLinks={fieldLinks} />
          {conflict && (
            <div className="form-alert" role="alert">
              <p className="form-alert__title">{t('practice.editor.conflict')}</p>
              <button type="button" className="button button--secondary" onClick={onReload}>
                {t('practice.editor.reload')}
              </button>
            </div>
          )}
        </div>

        <section aria-labelledby="editor-step-title" className="editor-step" data-step={step}>
          <p className="eyebrow">
            {t('practice.editor.stepOf', { current: stepIndex + 1, total: EDITOR_STEPS.length })}
          </p>
          <h2 id="editor-step-title" ref={headingRef} tabIndex={-1}>
            {t(`practice.editor.step.${step}`)}
          </h2>
          <p className="muted">{t(`practice.editor.stepLead.${step}`)}</p>
          {step === 'context' && <ContextStep {...stepProps} groups={groups} fixedGroup={fixedGroup} />}
          {step === 'participation' && <ParticipationStep {...stepProps} />}
          {step === 'methods' && <MethodsStep {...stepProps} methods={methods} />}
          {step === 'loop' && <LoopStep {...stepProps} />}
          {step === 'results' && (
            <ResultsStep
              values={values}
              errors={errors}
              onIndicatorChange={changeIndicator}
              onAddIndicator={() => {
                setValues((previous) => ({ ...previous, indicators: [...previous.indicators, emptyIndicator()] }));
                clearError('indicators');
                focusAfterRender({ row: 'indicator', index: values.indicators.length });
              }}
              onRemoveIndicator={(index) => {
                setValues((previous) => ({
                  ...previous,
                  indicators: previous.indicators.filter((_, i) => i !== index),
                }));
                withoutListErrors('indicators');
                focusAfterRender({ id: practiceFieldId('indicators') });
              }}
            />
          )}
          {step === 'evidence' && (
            <EvidenceStep
              {...stepProps}
              onLinkChange={changeLink}
              onAddLink={() => {
                setValues((previous) => ({
                  ...previous,
                  evidenceLinks: [...previous.evidenceLinks, emptyEvidenceLink()],
                }));
                clearError('evidenceLinks');
                focusAfterRender({ row: 'link', index: values.evidenceLinks.length });
              }}
              onRemoveLink={(index) => {
                setValues((previous) => ({
                  ...previous,
                  evidenceLinks: previous.evidenceLinks.filter((_, i) => i !== index),
                }));
                withoutListErrors('evidenceLinks');
                focusAfterRender({ id: practiceFieldId('evidenceLinks') });
              }}
            />
          )}
        </section>

        {isDraft && isLast && <p className="muted">{t('practice.editor.publishHint')}</p>}
        <div className="editor-actions">
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={stepIndex === 0}
              onClick={() => goTo(EDITOR_STEPS[stepIndex - 1]!)}
            >
              {t('practice.editor.back')}
            </button>
            {!isLast && (
              <button type="submit" className="button button--secondary">
                {t('practice.editor.next')}
              </button>
            )}
          </div>
          <div className="button-row">
            <button
              type="button"
              className={isDraft && isLast ? 'button button--secondary' : 'button button--primary'}
              disabled={busy !== null}
              onClick={() => void save('save')}
            >
              {busy === 'save'
                ? t('practice.editor.saving')
                : isDraft
                  ? t('practice.editor.saveDraft')
                  : t('practice.editor.saveRevision')}
            </button>
            {isDraft && isLast && (
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() => void save('publish')}
              >
                {busy === 'publish' ? t('practice.editor.publishing') : t('practice.editor.publish')}
              </button>
            )}
            {current && <Link to={`/practices/${encodeURIComponent(current.id)}`}>{t('practice.editor.cancel')}</Link>}
          </div>
          <p role="status" className="form-status">
            {status}
          </p>
        </div>
      </form>
    </div>
  );
}
