import { parsePath } from '../../state/case-editor-store';
import { fieldLabel } from '../casefile/labels';
import { type MessageKey, t } from './messages';

const ROWS: Readonly<Record<string, MessageKey>> = {
  regionalIssues: 'summary.issueRow',
  missingResources: 'summary.missingRow',
  followUps: 'summary.followUpRow',
};

/** 「支援の方向性」 for `direction`, 「地域課題 1 / タグ」 for `regionalIssues[0].tags`, 「今後の対応 2」 for `followUps[1]`. */
export function summaryFieldLabel(field: string): string {
  const keys = parsePath(field.replace(/^summary\./, ''));
  if (keys[0] === 'direction') return t('summary.direction');
  const row = ROWS[String(keys[0])];
  if (row && typeof keys[1] === 'number') {
    const label = t(row, { n: keys[1] + 1 });
    if (keys[2] === 'text') return `${label} / ${t('summary.issueText')}`;
    if (keys[2] === 'tags') return `${label} / ${t('summary.issueTags')}`;
    return label;
  }
  return field;
}

/**
 * Where a text of a published entry comes from, in words the host can act on: the summary, a
 * message of the discussion, a proposal, or the case sheet (named as the case editor names it).
 */
export function entryFieldLabel(field: string): string {
  if (field.startsWith('summary.')) return `${t('publish.place.summary')} / ${summaryFieldLabel(field)}`;
  if (field.startsWith('discussion')) return t('publish.place.message');
  if (field.startsWith('proposals')) return t('publish.place.proposal');
  return `${t('publish.place.case')} / ${fieldLabel(field)}`;
}
