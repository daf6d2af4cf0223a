import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cellProblemsOf, type CaseApi, type CellProblem } from '../../net/case-api';
import { ApiError } from '../../net/http';
import { errorText } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { saveFile } from '../../shared/save-file';
import { CaseCreatedEvent } from './events';
import { fieldLabel } from './labels';
import { t, type MessageKey } from './messages';

/** The refusals that have their own words; any other goes through errorText. */
const REFUSALS: Readonly<Record<string, MessageKey>> = {
  invalid_cells: 'import.error.invalid_cells',
  pii_found: 'import.error.pii_found',
  not_xlsx: 'import.error.not_xlsx',
  macros_not_allowed: 'import.error.macros_not_allowed',
  formulas_not_allowed: 'import.error.formulas_not_allowed',
  not_case_template: 'import.error.not_case_template',
  file_too_large: 'import.error.file_too_large',
  payload_too_large: 'import.error.file_too_large',
};

/**
 * On the case list: the 事例提出シート to fill in Excel, and 「Excelで取り込む」, which turns a filled
 * one into a new draft and opens it (a {@link CaseCreatedEvent}), or lists every wrong cell.
 */
@customElement('yoriai-case-import')
export class CaseImport extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<CaseApi, 'importSheet' | 'template'>;

  @state() private busy = false;
  @state() private error: ApiError | null = null;

  protected override render() {
    const problems = cellProblemsOf(this.error);
    return html`
      <div class="case-import">
        <button id="case-template" type="button" class="button button--ghost button--small" ?disabled=${this.busy}
          @click=${() => this.downloadTemplate()}>${t('import.template')}</button>
        <label class="case-import__label" for="case-import-file">${t('import.label')}</label>
        <input id="case-import-file" class="case-import__file" type="file" ?disabled=${this.busy}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" @change=${this.onFile} />
        <p class="hint" id="case-import-hint">${t('import.hint')}</p>
        ${this.busy ? html`<p class="hint" role="status" aria-busy="true">${t('import.busy')}</p>` : nothing}
        ${this.error
          ? html`<div id="case-import-error" class="alert" role="alert">
              <p>${this.refusal(this.error)}</p>
              ${problems.length > 0
                ? html`<ul id="case-import-problems">${problems.map((p) => html`<li data-cell=${p.cell}>${problemText(p)}</li>`)}</ul>`
                : nothing}
            </div>`
          : nothing}
      </div>
    `;
  }

  private readonly onFile = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !this.api) return;
    this.busy = true;
    this.error = null;
    try {
      const created = await this.api.importSheet(file);
      this.dispatchEvent(new CaseCreatedEvent(created.id));
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, ApiError.NETWORK, String(error));
    } finally {
      this.busy = false;
      input.value = '';
    }
  };

  private async downloadTemplate(): Promise<void> {
    if (!this.api) return;
    this.error = null;
    try {
      const file = await this.api.template();
      saveFile(file.blob, file.fileName);
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, ApiError.NETWORK, String(error));
    }
  }

  private refusal(error: ApiError): string {
    const key = REFUSALS[error.code] ?? (error.status === 413 ? REFUSALS.file_too_large : undefined);
    return key ? t(key) : errorText(error);
  }
}

/** 「C9（要介護度）: 入力してください」; a field the server names by its path gets the editor's label. */
function problemText(problem: CellProblem): string {
  const label = /^[a-z]/.test(problem.label) ? fieldLabel(problem.label) : problem.label;
  const where = label ? t('import.cellWithLabel', { cell: problem.cell, label }) : problem.cell;
  const known: Readonly<Record<string, MessageKey>> = {
    required: 'import.problem.required',
    not_in_list: 'import.problem.not_in_list',
    formula: 'import.problem.formula',
  };
  const key = known[problem.code];
  if (key) return `${where}: ${t(key)}`;
  if (problem.problem) return `${where}: ${t('import.problem.invalid', { problem: problem.problem })}`;
  return `${where}: ${t('import.problem.pii')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-case-import': CaseImport;
  }
}
