import { afterEach, describe, expect, test } from 'vitest';
import type { CalendarEntry } from '../../net/meeting-api';
import { localeStore } from '../../state/locale-store';
import { waitFor } from '../../test-support/dom';
import './calendar-register';

/* `#/calendar/{id}/register` signed in: the meeting and a button; only the click registers. */

const upcoming: CalendarEntry = {
  id: 'm1', title: '来週の地域ケア会議', startsAt: '2030-12-03T10:00:00+09:00', endsAt: '2030-12-03T10:30:00+09:00',
  prefecture: '群馬県', hostOrganization: '高崎市', state: 'scheduled', registered: false,
};

function fakeApi() {
  const registered = new Set<string>();
  return {
    registered,
    calendar: async () => [{ ...upcoming, registered: registered.has(upcoming.id) }],
    register: async (id: string) => {
      registered.add(id);
    },
  };
}

async function mount(meetingId: string, api: ReturnType<typeof fakeApi>) {
  localeStore.set('ja');
  const page = document.createElement('yoriai-calendar-register');
  page.api = api;
  page.meetingId = meetingId;
  document.body.append(page);
  return page;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('calendar registration from a link', () => {
  test('opening the link shows the meeting and a button, and registers nobody', async () => {
    const api = fakeApi();
    const page = await mount('m1', api);
    const button = await waitFor(() => page.querySelector<HTMLButtonElement>('#calendar-register-confirm'));

    expect(button.textContent?.trim()).toBe('参加登録する');
    expect(page.querySelector('#calendar-register-meeting')?.textContent).toContain('来週の地域ケア会議');
    expect(page.querySelector('#calendar-register-meeting')?.textContent).toContain('高崎市');
    expect(api.registered.size).toBe(0);
  });

  test('the click registers, and the page then says so', async () => {
    const api = fakeApi();
    const page = await mount('m1', api);
    (await waitFor(() => page.querySelector<HTMLButtonElement>('#calendar-register-confirm'))).click();

    await waitFor(() => page.querySelector('.calendar__registered'));
    expect([...api.registered]).toEqual(['m1']);
    expect(page.querySelector('#calendar-status')?.textContent).toBe('参加登録しました');
    expect(page.querySelector('#calendar-register-confirm')).toBeNull();
  });

  test('a meeting not on the calendar is said to be missing, with no button', async () => {
    const page = await mount('gone', fakeApi());

    await waitFor(() => page.querySelector('#calendar-register-missing'));
    expect(page.querySelector('#calendar-register-confirm')).toBeNull();
  });
});
