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

describe('MeetingApi.cases', () => {
  it('reads the agenda sheets leniently, with the invitation code, keeping only the assessment domains filled in', async () => {
    const paths: string[] = [];
    const http = {
      get: async (path: string) => {
        paths.push(path);
        return {
          cases: [
            {
              id: 'c1', title: '買い物', prefecture: '群馬県', person: { ageBand: '80-84', gender: 'female', careLevel: '要支援2' },
              activities: [{ activity: '買い物', canDo: '歩ける' }], supports: [{ kind: 'market', description: '配食' }],
              assessment: { movement: { intention: '歩きたい', issue: '' }, dailyLife: { intention: '', issue: '' } },
            },
            'not a sheet',
          ],
        };
      },
    } as unknown as HttpClient;

    const [sheet, ...rest] = await new MeetingApi(http).cases('m1', 'code');

    expect(paths).toEqual(['/api/v1/meetings/m1/cases?inviteCode=code']);
    expect(rest).toEqual([]);
    expect(sheet).toMatchObject({
      id: 'c1', title: '買い物', wishes: '', questions: '',
      person: { ageBand: '80-84', gender: 'female', careLevel: '要支援2', household: '', housing: '', health: '' },
      activities: [{ activity: '買い物', level: '', canDo: '歩ける', difficulty: '' }],
      supports: [{ kind: 'market', description: '配食' }],
    });
    expect(sheet.assessment).toEqual({ movement: { intention: '歩きたい', issue: '' } });
  });
});
