import { describe, expect, it } from 'vitest';
import type { HttpClient } from './http';
import { MeetingApi } from './meeting-api';
import type { Meeting } from './protocol';

const meeting: Meeting = {
  id: 'm1',
  title: '買い物支援を考える会',
  caseIds: ['c1'],
  visibility: 'invite',
  hostId: 'h1',
  state: 'scheduled',
  phase: null,
  phaseEndsAt: null,
};

/** Records the paths asked for and answers every one with the meeting. */
function recordingHttp(paths: string[]): HttpClient {
  return {
    get: async (path: string) => {
      paths.push(path);
      return meeting;
    },
  } as unknown as HttpClient;
}

describe('MeetingApi.get', () => {
  it('passes an invitation code so an invited account can read the meeting before joining', async () => {
    const paths: string[] = [];
    const api = new MeetingApi(recordingHttp(paths));

    await api.get('m1', 'code/+=');
    await api.get('m1');

    expect(paths).toEqual(['/api/v1/meetings/m1?inviteCode=code%2F%2B%3D', '/api/v1/meetings/m1']);
  });
});
