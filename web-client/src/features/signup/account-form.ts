import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ORGANIZATION_KINDS, PROFESSIONS, weakPassword, type NewOrganization } from '../../net/account-api';
import { ApiError } from '../../net/http';
import { isObject, PREFECTURES } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { localeStore } from '../../state/locale-store';
import { has, t } from './messages';

/** A request body's field (`organization.name`) as the input id's tail (`organization-name`). */
function fieldId(field: string): string {
  return field.replaceAll('.', '-');
}

/**
 * The form behind sign-up, the first admin's setup, password reset and the admin's new account:
 * labelled inputs whose ids are `<prefix>-<field>` (the request body's field, dots as dashes), each
 * with its error under it, linked by aria-describedby; the server's 400 details and 422
 * weak_password reason land on the input they name, the rest in the form's alert.
 */
export abstract class AccountForm extends LocalizedElement {
  /** Field id tail → message. */
  @state() protected fieldErrors: Readonly<Record<string, string>> = {};
  @state() protected formError: string | null = null;
  @state() protected busy = false;
  /** The code of the last refusal, for a form that offers a way on (a used reset link: ask again). */
  @state() protected refusalCode: string | null = null;

  protected abstract readonly idPrefix: string;

  protected inputId(field: string): string {
    return `${this.idPrefix}-${fieldId(field)}`;
  }

  protected value(field: string): string {
    const input = this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${this.inputId(field)}`);
    if (!input) return '';
    return input instanceof HTMLInputElement && input.type === 'password' ? input.value : input.value.trim();
  }

  protected organization(): NewOrganization {
    return { name: this.value('organization.name'), kind: this.value('organization.kind'), prefecture: this.value('organization.prefecture') };
  }

  /** Marks each empty field of `fields` as required; true when none is. */
  protected requireFilled(fields: readonly string[]): boolean {
    const errors: Record<string, string> = {};
    for (const field of fields) if (this.value(field) === '') errors[fieldId(field)] = t('form.error.required');
    return this.showErrors(errors, []);
  }

  /** Shows `errors` (and `others`, not tied to an input) and focuses the first; true when there are none. */
  protected showErrors(errors: Record<string, string>, others: readonly string[]): boolean {
    this.fieldErrors = errors;
    const any = Object.keys(errors).length > 0 || others.length > 0;
    this.formError = any ? [t('form.error.summary'), ...others].join(' ') : null;
    if (any) void this.updateComplete.then(() => this.focusFirstError());
    return !any;
  }

  /** Sends `call` with the form busy; a refusal is shown on the fields it names. Returns whether it succeeded. */
  protected async submitting(call: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await call();
      this.fieldErrors = {};
      this.formError = null;
      this.refusalCode = null;
      return true;
    } catch (error) {
      const refusal = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
      this.refusalCode = refusal.code;
      this.showServerError(refusal);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** What a refusal the form does not place on a field says; forms override it for their own codes. */
  protected refusalText(error: ApiError): string {
    return errorText(error);
  }

  private showServerError(error: ApiError): void {
    if (error.code === 'weak_password') {
      const weak = weakPassword(error.details);
      const reason = weak ? (localeStore.locale === 'ja' ? weak.problemJa : weak.problem) : '';
      this.showErrors({ password: t('form.error.weakPassword', { reason }) }, []);
      return;
    }
    const errors: Record<string, string> = {};
    const others: string[] = [];
    for (const detail of error.details) {
      if (!isObject(detail) || typeof detail.field !== 'string') continue;
      const message = t('form.error.invalid', { message: typeof detail.message === 'string' ? detail.message : '' });
      if (this.querySelector(`#${this.inputId(detail.field)}`)) errors[fieldId(detail.field)] = message;
      else others.push(`${detail.field}: ${message}`);
    }
    if (Object.keys(errors).length > 0 || others.length > 0) this.showErrors(errors, others);
    else {
      this.fieldErrors = {};
      this.formError = this.refusalText(error);
      void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${this.idPrefix}-error`)?.focus());
    }
  }

  private focusFirstError(): void {
    const first = Object.keys(this.fieldErrors)[0];
    this.querySelector<HTMLElement>(first ? `#${this.idPrefix}-${first}` : `#${this.idPrefix}-error`)?.focus();
  }

  protected renderFormError() {
    return this.formError
      ? html`<p id="${this.idPrefix}-error" class="alert" role="alert" tabindex="-1">${this.formError}</p>`
      : nothing;
  }

  /** A labelled control; `label` and `hint` are already translated (forms of other features pass their own). */
  protected field(field: string, label: string, control: unknown, hint?: string) {
    const id = this.inputId(field);
    const error = this.fieldErrors[fieldId(field)];
    return html`<div class="field">
      <label class="field__label" for=${id}>${label}</label>
      ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
      ${control}
      ${error ? html`<p id="${id}-error" class="field__error">${error}</p>` : nothing}
    </div>`;
  }

  protected describedBy(field: string, hint = false): string | undefined {
    const id = this.inputId(field);
    const ids = [hint ? `${id}-hint` : '', this.fieldErrors[fieldId(field)] ? `${id}-error` : ''].filter((s) => s !== '');
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  protected input(field: string, label: string, options: { type?: string; autocomplete?: string; required?: boolean; value?: string; hint?: string } = {}) {
    const required = options.required ?? true;
    return this.field(field, label, html`<input id=${this.inputId(field)} name=${field} class="field__input" type=${options.type ?? 'text'}
      autocomplete=${ifDefined(options.autocomplete)} .value=${options.value ?? ''} ?required=${required}
      aria-required=${required ? 'true' : 'false'} aria-invalid=${this.fieldErrors[fieldId(field)] ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy(field, options.hint !== undefined))} />`, options.hint);
  }

  protected select(field: string, label: string, choices: readonly { value: string; label: string }[], options: { selected?: string; onChange?: (event: Event) => void } = {}) {
    return this.field(field, label, html`<select id=${this.inputId(field)} name=${field} class="field__input" required aria-required="true"
      aria-invalid=${this.fieldErrors[fieldId(field)] ? 'true' : 'false'} aria-describedby=${ifDefined(this.describedBy(field))}
      @change=${options.onChange}>
      <option value="">${t('common.select')}</option>
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === options.selected}>${c.label}</option>`)}
    </select>`);
  }

  protected professionSelect(selected?: string) {
    return this.select('profession', t('form.profession'), PROFESSIONS.map((p) => ({ value: p, label: p })), { selected });
  }

  protected passwordInput(label = t('form.password'), field = 'password', required = true) {
    return this.input(field, label, { type: 'password', autocomplete: 'new-password', hint: t('form.passwordHint'), required });
  }

  /** The organization's name, kind (only `kinds`; a single kind is fixed and said, not chosen) and prefecture. */
  protected organizationFields(kinds: readonly string[] = ORGANIZATION_KINDS) {
    return html`<fieldset class="fieldset">
      <legend>${t('form.organization')}</legend>
      ${this.input('organization.name', t('form.organizationName'), { autocomplete: 'organization' })}
      ${kinds.length === 1
        ? html`<p id=${this.inputId('organization-kind-fixed')} class="hint">${t('form.organizationKind')}: ${organizationKindLabel(kinds[0])}</p>
            <input type="hidden" id=${this.inputId('organization.kind')} .value=${kinds[0]} />`
        : this.select('organization.kind', t('form.organizationKind'), kinds.map((k) => ({ value: k, label: organizationKindLabel(k) })))}
      ${this.select('organization.prefecture', t('form.prefecture'), PREFECTURES.map((p) => ({ value: p, label: p })))}
    </fieldset>`;
  }
}

export function organizationKindLabel(kind: string): string {
  const key = `form.kind.${kind}`;
  return has(key) ? t(key) : kind;
}
