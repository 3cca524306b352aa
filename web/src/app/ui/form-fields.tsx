import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
}

interface FieldShellProps {
  label: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  /** Stable id for the control, so error summaries and tests can point at it. */
  id?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error text around one control, linked by id and aria-describedby. */
export function FieldShell({ label, error, hint, required, id, className, children }: FieldShellProps) {
  const { t } = useTranslation();
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={controlId}>
        {label}
        {required ? <span className="field__required"> {t('forms.requiredMark')}</span> : null}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('forms.errorPrefix')}: </span>
          {error}
        </p>
      )}
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required })}
    </div>
  );
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  onValueChange: (value: string) => void;
};

export function TextField({
  label,
  error,
  hint,
  required,
  id,
  value,
  onValueChange,
  ...input
}: Omit<FieldShellProps, 'children' | 'className'> & InputProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required} id={id}>
      {(control) => (
        <input
          className="input"
          type="text"
          {...input}
          {...control}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  onValueChange: (value: string) => void;
};

export function TextAreaField({
  label,
  error,
  hint,
  required,
  id,
  value,
  onValueChange,
  ...textarea
}: Omit<FieldShellProps, 'children' | 'className'> & TextAreaProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required} id={id}>
      {(control) => (
        <textarea
          className="input input--multiline"
          rows={4}
          {...textarea}
          {...control}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> & {
  value: string;
  options: Option[];
  onValueChange: (value: string) => void;
};

export function SelectField({
  label,
  error,
  hint,
  required,
  id,
  value,
  options,
  onValueChange,
  ...select
}: Omit<FieldShellProps, 'children' | 'className'> & SelectProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required} id={id}>
      {(control) => (
        <select
          className="input input--select"
          {...select}
          {...control}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceGroupProps {
  legend: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  /** The first control gets this id (error summaries focus it); the others get `${id}-${index}`. */
  id: string;
  options: ChoiceOption[];
  className?: string;
}

/** Legend, hint and error around a group of controls (radio buttons, checkboxes), linked by aria-describedby. */
export function FieldsetShell({
  legend,
  error,
  hint,
  required,
  id,
  className,
  children,
}: Omit<ChoiceGroupProps, 'options'> & { children: ReactNode }) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`fieldset field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="field__label">
        {legend}
        {required ? <span className="field__required"> {t('forms.requiredMark')}</span> : null}
      </legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('forms.errorPrefix')}: </span>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}

const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index}`);

export function ChoiceLabel({ option }: { option: ChoiceOption }) {
  return (
    <span>
      {option.label}
      {option.hint && <span className="choice__hint">{option.hint}</span>}
    </span>
  );
}

export function RadioGroupField({
  name,
  value,
  onValueChange,
  options,
  ...shell
}: ChoiceGroupProps & { name: string; value: string; onValueChange: (value: string) => void }) {
  return (
    <FieldsetShell {...shell}>
      {options.map((option, index) => (
        <label key={option.value} className="choice" htmlFor={optionId(shell.id, index)}>
          <input
            type="radio"
            id={optionId(shell.id, index)}
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-invalid={shell.error ? true : undefined}
            onChange={() => onValueChange(option.value)}
          />
          <ChoiceLabel option={option} />
        </label>
      ))}
    </FieldsetShell>
  );
}

/**
 * Form-level problems: a summary of invalid fields (links move focus to them)
 * and messages that belong to no field.
 */
export function FormAlert({
  title,
  messages,
  fieldLinks = [],
}: {
  title?: string;
  messages: string[];
  fieldLinks?: Array<{ id: string; message: string }>;
}) {
  const { t } = useTranslation();
  if (messages.length === 0 && fieldLinks.length === 0) return null;
  return (
    <div className="form-alert" role="alert">
      <p className="form-alert__title">{title ?? t('forms.fixErrors')}</p>
      <ul>
        {messages.map((message, index) => (
          <li key={`m-${index}`}>{message}</li>
        ))}
        {fieldLinks.map((link) => (
          <li key={link.id}>
            <a
              href={`#${link.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(link.id)?.focus();
              }}
            >
              {link.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
