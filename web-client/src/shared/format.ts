import { localeStore } from '../state/locale-store';
import { has, t } from './messages';

/** What to tell the user about a failed call: the §7 error codes the pages share. */
export function errorText(error: { status: number; code: string; message: string }): string {
  if (error.status === 0 || error.code === 'network_error') return t('common.error.network');
  if (error.status === 403 || error.code === 'forbidden') return t('common.error.forbidden');
  if (error.status === 404 || error.code === 'not_found') return t('common.error.not_found');
  if (error.status === 400 || error.status === 422) return t('common.error.validation', { message: error.message });
  // 「時間をおいて再度お試しください」 is only true of failures that waiting can cure (5xx, 429).
  if (error.status === 409) return t('common.error.conflict');
  if (error.status >= 400 && error.status < 500 && error.status !== 429) return t('common.error.refused', { message: error.message });
  return t('common.error.generic');
}

/** 管理者 / 自治体 / 専門職 / 企業; an unknown role as sent. */
export function roleLabel(role: string): string {
  const key = `role.${role}`;
  return has(key) ? t(key) : role;
}

function localeTag(): string {
  return localeStore.locale === 'ja' ? 'ja-JP' : 'en-GB';
}

/**
 * Every date and time reads in Japan time, whatever the device's zone: a meeting's start is the
 * same 14:00 for a coordinator in Gunma and a company's staff abroad, and the CSV exports agree.
 */
const JAPAN = 'Asia/Tokyo';

function parsed(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date (公開日) in the current locale; the raw value when it is not a date. */
export function dateLabel(iso: string): string {
  if (!iso) return '';
  return parsed(iso)?.toLocaleDateString(localeTag(), { dateStyle: 'medium', timeZone: JAPAN }) ?? iso;
}

/** A date and time (開催日時) in the current locale; the raw value when it is not a date. */
export function dateTimeLabel(iso: string | undefined): string {
  if (!iso) return '';
  return parsed(iso)?.toLocaleString(localeTag(), { dateStyle: 'medium', timeStyle: 'short', timeZone: JAPAN }) ?? iso;
}

/** `10:05` for a message's time; '' when it is not a date. */
export function timeLabel(iso: string): string {
  return parsed(iso)?.toLocaleTimeString(localeTag(), { hour: '2-digit', minute: '2-digit', timeZone: JAPAN }) ?? '';
}
