import type { PiiFinding } from '../../net/protocol';
import { parsePath } from '../../state/case-editor-store';
import { has, type MessageKey, t } from './messages';

/** The label for a case state (下書き, 提出済み …); an unknown state is shown as sent. */
export function caseStateLabel(state: string): string {
  const key = `caseState.${state}` as MessageKey;
  return CASE_STATES.includes(state) ? t(key) : state;
}

const CASE_STATES = ['draft', 'submitted', 'scheduled', 'discussed', 'published', 'withdrawn'];

/** Why a case in `state` (any but a draft) opens read-only: 「提出済みのため編集できません」. */
export function readOnlyReason(state: string): string {
  return CASE_STATES.includes(state) && state !== 'draft'
    ? t(`case.readOnly.${state}` as MessageKey)
    : t('case.readOnly.other', { state });
}

/** A translated label for a Japanese wire value, when the dictionary has one (`level.自立`, `activity.服薬`). */
export function valueLabel(prefix: 'level' | 'household' | 'activity', value: string): string {
  const key = `${prefix}.${value}`;
  return has(key) ? t(key) : value;
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  title: 'case.title',
  provider: 'case.provider',
  prefecture: 'case.prefecture',
  wishes: 'case.wishes',
  questions: 'case.questions',
  'person.housing': 'case.housing',
  'person.health': 'case.health',
  'person.ageBand': 'case.ageBand',
  'person.careLevel': 'case.careLevel',
  'person.household': 'case.household',
  canDo: 'case.canDo',
  difficulty: 'case.difficulty',
  activity: 'case.activity',
  level: 'case.level',
  description: 'case.supportDescription',
  kind: 'case.supportKind',
};

/**
 * 「生活行為 1 / 難しいこと」 for `activities[0].difficulty`, 「運動・移動 / 課題」 for
 * `assessment.movement.issue`, 「住まいの状況」 for `person.housing`.
 */
export function fieldLabel(field: PiiFinding['field']): string {
  const keys = parsePath(field);
  if ((keys[0] === 'activities' || keys[0] === 'supports') && typeof keys[1] === 'number') {
    const row = t(keys[0] === 'activities' ? 'case.activityRow' : 'case.supportRow', { n: keys[1] + 1 });
    const leaf = FIELD_LABELS[String(keys[2])];
    return leaf ? `${row} / ${t(leaf)}` : row;
  }
  if (keys[0] === 'assessment' && typeof keys[1] === 'string') {
    const domain = `assessment.${keys[1]}`;
    const part = `assessment.${String(keys[2])}`;
    return has(domain) && has(part) ? `${t(domain)} / ${t(part)}` : field;
  }
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}
