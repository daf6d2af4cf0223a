import { valueLabel } from '../casefile/labels';
import { type MessageKey, t } from './messages';

const PROPOSAL_TYPES = ['market', 'mutual', 'public', 'hybrid'];

/** 市場サービス / 互助・インフォーマル / 公的サービス / 組み合わせ; an unknown type as sent. */
export function proposalTypeLabel(type: string): string {
  return PROPOSAL_TYPES.includes(type) ? t(`proposalType.${type}` as MessageKey) : type;
}

export function facetLabel(facet: string): string {
  const key = `facet.${facet}`;
  return ['activity', 'careLevel', 'household', 'prefecture', 'type', 'year'].includes(facet) ? t(key as MessageKey) : facet;
}

export function facetValueLabel(facet: string, value: string): string {
  if (facet === 'type') return proposalTypeLabel(value);
  if (facet === 'household') return valueLabel('household', value);
  return value;
}

/** 要介護度 · 世帯 · 都道府県 … as one line, skipping empty values. */
export function metaLine(values: readonly string[]): string {
  return values.filter((v) => v !== '').join(' · ');
}
