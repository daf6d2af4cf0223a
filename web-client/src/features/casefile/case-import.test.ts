import { ApiError } from '../../net/http';
import type { CaseFile } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { get, waitFor } from '../../test-support/dom';
import './case-import';
import type { CaseImport } from './case-import';
import { CaseCreatedEvent } from './events';

function mount(importSheet: (file: File) => Promise<CaseFile>): CaseImport {
  localeStore.set('ja');
  const element = document.createElement('yoriai-case-import');
  element.api = { importSheet, template: () => Promise.reject(new Error('not in this test')) };
  document.body.append(element);
  return element;
}

function choose(element: CaseImport, file: File): void {
  const input = get<HTMLInputElement>(element, '#case-import-file');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

afterEach(() => document.body.replaceChildren());

describe('case import', () => {
  test('a refused sheet lists every wrong cell in Japanese, the case validation’s by the editor’s label', async () => {
    const details = [
      { sheet: '事例提出シート', cell: 'C9', label: '要介護度', code: 'required', problem: 'required' },
      { sheet: '事例提出シート', cell: 'B18', label: '生活行為', code: 'not_in_list', problem: 'must be one of …' },
      { sheet: '事例提出シート', cell: 'C4', label: 'title', code: 'invalid', problem: 'at most 120 characters' },
    ];
    const element = mount(() => Promise.reject(new ApiError(400, 'invalid_cells', 'Some cells of the sheet are wrong', details)));
    await element.updateComplete;

    choose(element, new File(['x'], 'case.xlsx'));

    const items = await waitFor(() => {
      const found = [...element.querySelectorAll('#case-import-problems li')].map((li) => li.textContent?.trim());
      return found.length === 3 ? found : null;
    });
    expect(get(element, '#case-import-error').getAttribute('role')).toBe('alert');
    expect(items).toEqual([
      'C9（要介護度）: 入力してください',
      'B18（生活行為）: 一覧から選んでください',
      'C4（事例タイトル）: 内容を確認してください（at most 120 characters）',
    ]);
  });

  test('an imported sheet announces the new case, which the shell opens', async () => {
    const element = mount(() => Promise.resolve({ id: 'c42', state: 'draft', title: 't' } as unknown as CaseFile));
    await element.updateComplete;
    const created = new Promise<string>((resolve) =>
      element.addEventListener(CaseCreatedEvent.type, (event) => resolve(event.caseId)));

    choose(element, new File(['x'], 'case.xlsx'));

    expect(await created).toBe('c42');
  });
});
