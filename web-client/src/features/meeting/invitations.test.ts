import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../../net/http';
import { LiveMeeting } from '../../state/live-meeting';
import { FakeSocketServer, alice, host } from '../../test-support/fake-socket';
import { enterRoom, userOf } from '../../test-support/room';
import { addressesOf, inviteLink } from './invite-tools';
import './meeting-room';

afterEach(() => {
  document.body.replaceChildren();
});

describe('invitations', () => {
  test('addresses are read one per line or separated by commas, blanks dropped', () => {
    expect(addressesOf(' a@example.jp\nb@example.jp, c@example.jp,,\n\n')).toEqual(['a@example.jp', 'b@example.jp', 'c@example.jp']);
  });

  test('the invite link opens the meeting on this address and carries the code of an invite-only meeting', () => {
    const here = { origin: 'https://yoriai.example.jp', pathname: '/' };
    expect(inviteLink('m1', 'AB/12', here)).toBe('https://yoriai.example.jp/#/meetings/m1?invite=AB%2F12');
    expect(inviteLink('m1', undefined, here)).toBe('https://yoriai.example.jp/#/meetings/m1');
  });

  test('the host sees the link to copy and the mail form; others do not', async () => {
    const { room } = await enterRoom(userOf(host));
    expect(room.querySelector<HTMLInputElement>('#invite-link')?.value).toContain('#/meetings/m1');
    expect(room.querySelector('#invite-form')).not.toBeNull();
    document.body.replaceChildren();
    const other = await enterRoom(userOf(alice));
    expect(other.room.querySelector('#invite-tools')).toBeNull();
  });

  test('an account the meeting refuses gets the no-access page with code entry, and no socket is opened', async () => {
    const server = new FakeSocketServer();
    const session = new LiveMeeting({
      meetingId: 'm1', me: userOf(alice), token: () => 'tok', factory: server.factory, url: 'ws://test/ws',
      api: { get: async () => Promise.reject(new ApiError(404, 'not_found', 'Meeting not found')) },
    });
    const room = document.createElement('yoriai-meeting-room');
    room.meeting = session;
    document.body.append(room);
    await session.start();
    await room.updateComplete;
    await room.querySelector('yoriai-meeting-no-access')?.updateComplete;

    expect(room.querySelector('#no-access-heading')?.textContent).toContain('この会議に参加する権限がありません');
    expect(room.querySelector('#meeting-no-access')?.textContent).toContain('開催者');
    expect(room.querySelector('#invite-code-input')).not.toBeNull();
    expect(room.querySelector('#composer-text')).toBeNull();
    expect(server.connections).toHaveLength(0);
  });
});
