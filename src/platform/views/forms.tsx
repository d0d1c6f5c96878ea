import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors.js';
import type { FormState } from '../http/types.js';
import type { PageContext } from './context.js';

/** Field ids are derived from names so the error summary can link to them. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: [] });

function messageFor(ctx: PageContext, errors: FieldError[], name: string): string | undefined {
  const e = errors.find((x) => x.path === name);
  return e ? ctx.t(e.key, e.params) : undefined;
}

function valueOf(state: FormState, name: string): string {
  const v = state.values[name];
  // Only scalars are echoed back; an unexpected object (e.g. a file part) shows as empty.
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** The GOV.UK error summary: focused on load by its tabindex and role, each error linking to its field. */
export function ErrorSummary({ ctx, state }: { ctx: PageContext; state: FormState }) {
  if (state.errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabindex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 class="govuk-error-summary__title" id="error-summary-title">
        {ctx.t('platform.form.errorSummary')}
      </h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          {state.errors.map((e) => (
            <li>{e.path ? <a href={`#${fieldId(e.path)}`}>{ctx.t(e.key, e.params)}</a> : ctx.t(e.key, e.params)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export interface FormProps {
  ctx: PageContext;
  action: string;
  multipart?: boolean;
  children: ComponentChildren;
}

/** A POST form carrying the CSRF token. Multipart bodies stream, so their token also rides on the action URL. */
export function Form({ ctx, action, multipart, children }: FormProps) {
  const target = multipart ? `${action}${action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(ctx.csrfToken)}` : action;
  return (
    <form method="post" action={target} novalidate {...(multipart ? { enctype: 'multipart/form-data' } : {})}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}

interface FieldProps {
  ctx: PageContext;
  state: FormState;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

function FieldFrame({
  ctx,
  state,
  name,
  label,
  hint,
  optional,
  children,
}: FieldProps & { children: (describedBy: string | undefined, error: string | undefined) => ComponentChildren }) {
  const id = fieldId(name);
  const error = messageFor(ctx, state.errors, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
        {optional ? ` ${ctx.t('platform.form.optional')}` : ''}
      </label>
      {hint && (
        <div class="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="govuk-error-message" id={`${id}-error`}>
          <span class="govuk-visually-hidden">{ctx.t('platform.form.error')}:</span> {error}
        </p>
      )}
      {children(describedBy, error)}
    </div>
  );
}

export function TextInput(
  props: FieldProps & {
    type?: 'text' | 'email' | 'tel' | 'number' | 'password';
    autocomplete?: string;
    inputmode?: 'numeric' | 'tel' | 'email' | 'text';
    width?: 10 | 20 | 30;
    spellcheck?: boolean;
  },
) {
  const { state, name, type = 'text', autocomplete, width, spellcheck, inputmode } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, error) => (
        <input
          class={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
          id={fieldId(name)}
          name={name}
          // Preact's input typing is a union keyed on `type`; a variable type needs narrowing to one member.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={type as 'text'}
          // A password typed before a refusal is never sent back into the page.
          value={type === 'password' ? '' : valueOf(state, name)}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          autocomplete={autocomplete}
          inputmode={inputmode}
          spellcheck={spellcheck}
        />
      )}
    </FieldFrame>
  );
}

export function Textarea(props: FieldProps & { rows?: number }) {
  const { state, name, rows = 5 } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, error) => (
        <textarea
          class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={fieldId(name)}
          name={name}
          rows={rows}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {valueOf(state, name)}
        </textarea>
      )}
    </FieldFrame>
  );
}

export function Select(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { state, name, options } = props;
  const current = valueOf(state, name);
  return (
    <FieldFrame {...props}>
      {(describedBy, error) => (
        <select
          class={`govuk-select${error ? ' govuk-select--error' : ''}`}
          id={fieldId(name)}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {options.map((o) => (
            <option value={o.value} selected={o.value === current}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function Button({ children, secondary }: { children: ComponentChildren; secondary?: boolean }) {
  return (
    <button type="submit" class={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`} data-module="govuk-button">
      {children}
    </button>
  );
}
