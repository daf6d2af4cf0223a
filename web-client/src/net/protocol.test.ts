import { findingsOf, listOf } from './case-api';
import { ApiError } from './http';
import { isCaseFile, isMeeting, isMeetingEvent, isPiiFinding, parseServerFrame, PREFECTURES, toFindings } from './protocol';

describe('protocol guards', () => {
  test('server frames of every §7 type parse; anything else is rejected', () => {
    expect(parseServerFrame('{"type":"joined","meetingId":"m1","seq":4,"participants":[{"accountId":"a","displayName":"A"},{"x":1}]}'))
      .toEqual({ type: 'joined', meetingId: 'm1', seq: 4, participants: [{ accountId: 'a', displayName: 'A' }] });
    expect(parseServerFrame('{"type":"ack","id":"c1","seq":5}')).toEqual({ type: 'ack', id: 'c1', seq: 5 });
    expect(parseServerFrame('{"type":"error","code":"muted","message":"m"}')).toMatchObject({ code: 'muted', id: undefined });
    expect(parseServerFrame('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseServerFrame('{"type":"event","seq":1,"meetingId":"m1","kind":"x","at":"t","actor":null}'))
      .toMatchObject({ seq: 1, actor: null, data: {} });

    expect(parseServerFrame('nope')).toBeNull();
    expect(parseServerFrame('[]')).toBeNull();
    expect(parseServerFrame('{"type":"ack","id":"c1"}')).toBeNull();
    expect(parseServerFrame('{"type":"event","seq":0,"kind":"x"}')).toBeNull();
    expect(parseServerFrame('{"type":"event","seq":1.5,"kind":"x"}')).toBeNull();
    expect(parseServerFrame('{"type":"error"}')).toBeNull();
    expect(parseServerFrame('{"type":"later"}')).toBeNull();
  });

  test('meeting events need an integer seq, a kind and a well-formed actor', () => {
    expect(isMeetingEvent({ seq: 3, kind: 'hand.changed', actor: { accountId: 'a', displayName: 'A' }, data: {} })).toBe(true);
    expect(isMeetingEvent({ seq: 3, kind: 'hand.changed', actor: { accountId: 'a' } })).toBe(false);
    expect(isMeetingEvent({ seq: '3', kind: 'hand.changed' })).toBe(false);
  });

  test('PII findings need a field and a non-negative, ordered span', () => {
    expect(isPiiFinding({ field: 'title', start: 0, end: 3, kind: 'phone' })).toBe(true);
    expect(isPiiFinding({ field: 'title', start: 3, end: 1, kind: 'phone' })).toBe(false);
    expect(isPiiFinding({ field: 'title', start: -1, end: 1, kind: 'phone' })).toBe(false);
    expect(toFindings([{ field: 'a', start: 0, end: 1, kind: 'email' }, 'junk'])).toHaveLength(1);
    expect(toFindings(undefined)).toEqual([]);
  });

  test('a 422 pii_found carries its findings; other errors carry none', () => {
    const details = [{ field: 'wishes', start: 1, end: 4, kind: 'address' }];
    expect(findingsOf(new ApiError(422, 'pii_found', '', details))).toEqual(details);
    expect(findingsOf(new ApiError(400, 'invalid_request', '', details))).toBeNull();
    expect(findingsOf(new Error('x'))).toBeNull();
  });

  test('cases and meetings are recognised by their required fields; lists accept either envelope', () => {
    expect(isCaseFile({ id: 'c', state: 'draft', title: 't' })).toBe(true);
    expect(isCaseFile({ id: 'c', title: 't' })).toBe(false);
    expect(isMeeting({ id: 'm', title: 't', hostId: 'h', caseIds: [] })).toBe(true);
    expect(isMeeting({ id: 'm', title: 't', caseIds: [] })).toBe(false);
    expect(listOf([1], 'cases')).toEqual([1]);
    expect(listOf({ cases: [2] }, 'cases')).toEqual([2]);
    expect(listOf({ items: [3] }, 'cases')).toEqual([3]);
    expect(() => listOf({}, 'cases')).toThrow(ApiError);
    expect(PREFECTURES).toHaveLength(47);
  });
});
