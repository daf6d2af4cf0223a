import { html, type TemplateResult } from 'lit';
import { ASSESSMENT_DOMAINS, CHECKLIST_ITEMS } from '../../net/case-api';
import type { CaseEditorStore } from '../../state/case-editor-store';
import { type MessageKey, t } from './messages';
import { textField } from './sheet-fields';

/*
 * The optional parts of the sheet a care manager copies from forms they already fill in: the four
 * domains of the 介護予防サービス・支援計画書 and the 25 items of the 基本チェックリスト.
 */

/** Each domain with its 本人・家族の意欲・意向 and 課題 (ids `assessment-{domain}-intention|issue`). */
export function renderAssessment(store: CaseEditorStore): TemplateResult {
  return html`
    <fieldset id="case-assessment" class="fieldset">
      <legend>${t('case.section.assessment')}</legend>
      <p class="hint">${t('assessment.hint')}</p>
      ${ASSESSMENT_DOMAINS.map((domain) => {
        const name = t(`assessment.${domain}` as MessageKey);
        return html`<fieldset class="fieldset fieldset--nested" data-domain=${domain}>
          <legend>${name}</legend>
          ${textField(store, `assessment.${domain}.intention`, `assessment-${domain}-intention`, 'assessment.intention', true)}
          ${textField(store, `assessment.${domain}.issue`, `assessment-${domain}-issue`, 'assessment.issue', true)}
        </fieldset>`;
      })}
    </fieldset>
  `;
}

/**
 * One checkbox per item (ids `checklist-{n}`, 1-based as on the form), ticked when the item
 * applies, i.e. scores its point; each label says which answer scores. The first tick starts the
 * list with every other item at 0.
 */
export function renderChecklist(store: CaseEditorStore): TemplateResult {
  const answers = store.sheet.checklist ?? null;
  const score = answers?.reduce((sum, answer) => sum + answer, 0) ?? 0;
  return html`
    <fieldset id="case-checklist" class="fieldset">
      <legend>${t('case.section.checklist')}</legend>
      <p class="hint">${t('checklist.hint')}</p>
      <ol class="checklist">
        ${Array.from({ length: CHECKLIST_ITEMS }, (_, i) => {
          const n = i + 1;
          return html`<li class="checklist__item">
            <input id="checklist-${n}" type="checkbox" .checked=${answers?.[i] === 1} ?disabled=${!store.editable}
              @change=${(event: Event) => store.setChecklistAnswer(i, (event.target as HTMLInputElement).checked)} />
            <label for="checklist-${n}">${n}. ${t(`checklist.${n}` as MessageKey)}</label>
          </li>`;
        })}
      </ol>
      <p id="checklist-score" class="hint" data-score=${score}>
        ${answers === null ? t('checklist.unanswered') : t('checklist.score', { score, total: CHECKLIST_ITEMS })}
      </p>
    </fieldset>
  `;
}
