import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Marked with an asterisk beside the label and aria-required on the control. */
  required?: boolean | undefined;
}

/**
 * A field's label with the required mark beside it, outside the <label> so the field's name stays
 * its label alone (the mark is for the eye; aria-required tells screen readers).
 */
export function FieldLabel({ required, children }: { required?: boolean | undefined; children: ReactNode }) {
  if (!required) return <>{children}</>;
  return (
    <span className="field__label">
      {children}
      <span className="req" aria-hidden="true">
        *
      </span>
    </span>
  );
}

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function TextField({
  label,
  error,
  hint,
  required,
  id: givenId,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <FieldLabel required={required}>
        <label htmlFor={id}>{label}</label>
      </FieldLabel>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {hint && !error ? <small className="field__hint">{hint}</small> : null}
      {error ? (
        <small id={`${id}-error`} className="field__error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  error,
  children,
  required,
  id: givenId,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode; ref?: Ref<HTMLSelectElement> }) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <FieldLabel required={required}>
        <label htmlFor={id}>{label}</label>
      </FieldLabel>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <small id={`${id}-error`} className="field__error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
