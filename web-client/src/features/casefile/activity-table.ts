import { html, nothing, type TemplateResult } from 'lit';
import { valueLabel } from './labels';

export interface ActivityRow {
  readonly activity: string;
  readonly level: string;
  readonly canDo: string;
  readonly difficulty: string;
}

export interface ActivityTable {
  id: string;
  caption: string;
  /** The column heads: activity, level, can do, difficulty, in the caller's words. */
  heads: readonly [string, string, string, string];
  rows: readonly ActivityRow[];
  compact?: boolean;
  /** What follows a can-do or difficulty text, e.g. the archive's redaction button. */
  after?: (row: ActivityRow, index: number, field: 'canDo' | 'difficulty') => unknown;
}

/** A sheet's activities as the decomposition table (生活行為 · 自立度 · できること · 難しいこと) the room and the archive show. */
export function activityTable(table: ActivityTable): TemplateResult {
  const after = table.after ?? (() => nothing);
  const [activity, level, canDo, difficulty] = table.heads;
  return html`<div class="table-scroll">
    <table id=${table.id} class="decomposition ${table.compact ? 'decomposition--compact' : ''}">
      <caption class="visually-hidden">${table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${activity}</th>
          <th scope="col">${level}</th>
          <th scope="col" class="decomposition__can">${canDo}</th>
          <th scope="col" class="decomposition__hard">${difficulty}</th>
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (a, i) => html`<tr class="decomposition__row">
            <th scope="row" class="decomposition__activity">${a.activity}</th>
            <td><span class="level-badge" data-level=${a.level}>${a.level ? valueLabel('level', a.level) : ''}</span></td>
            <td class="decomposition__can">${a.canDo}${after(a, i, 'canDo')}</td>
            <td class="decomposition__hard">${a.difficulty}${after(a, i, 'difficulty')}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
