import { render } from 'lit';
import type { Meeting } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { meetingItem, renderMeetingItem } from './meeting-item';

/* One meeting reads the same in every list: the meetings page and the home page render one item. */

const live: Meeting = {
  id: 'm1', title: '買い物支援を考える会', caseIds: ['c1', 'c2'], visibility: 'open', hostId: 'u-h',
  state: 'live', phase: 'questions', phaseEndsAt: null, startsAt: '2026-12-10T10:00:00+09:00',
};

function itemText(template: ReturnType<typeof renderMeetingItem>): HTMLLIElement {
  const list = document.createElement('ul');
  render(template, list);
  return list.querySelector('li')!;
}

beforeEach(() => localeStore.set('ja'));

describe('renderMeetingItem', () => {
  test('a signed-in listing and the public listing of the same meeting show the same state, start and case count', () => {
    const signedIn = itemText(renderMeetingItem(meetingItem(live)));
    const publicItem = itemText(renderMeetingItem({ id: 'm1', title: live.title, startsAt: live.startsAt!, state: 'live', caseCount: 2 }, 'home-meeting'));

    expect(signedIn.textContent?.replace(/\s+/g, ' ').trim()).toBe('買い物支援を考える会 開催中 開始: 2026/12/10 10:00 · 質疑応答 · 事例2件');
    expect(publicItem.querySelector('.state-badge__value')?.textContent).toBe('開催中');
    expect(publicItem.querySelector('.item-list__meta')?.textContent).toContain('開始: 2026/12/10 10:00');
    expect(publicItem.querySelector('.item-list__meta')?.textContent).toContain('事例2件');
    expect(publicItem.classList).toContain('home-meeting');
    expect(signedIn.querySelector('a')?.getAttribute('href')).toBe('/#/meetings/m1');
  });
});
