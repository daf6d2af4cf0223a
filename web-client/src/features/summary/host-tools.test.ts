import { render } from 'lit';
import { parseRoute, routeHref } from '../../app/routes';
import type { Meeting, User } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { MeetingRoomModel } from '../../state/meeting-room-model';
import type { SummaryGateway } from '../../state/summary-editor-store';
import { get } from '../../test-support/dom';
import { hostSummaryTools } from './host-tools';
import type { SummaryEditor } from './summary-editor';

const host: User = { id: 'h1', email: 'h@example.jp', displayName: '高橋', role: 'municipality', organization: { name: '前橋市', kind: 'municipality', prefecture: '群馬県' } };
const api: SummaryGateway = { updateSummary: vi.fn(), checkTexts: vi.fn(async () => []) };
const meeting = (extra: Partial<Meeting>): Meeting => ({
  id: 'm1', title: '地域ケア会議', caseIds: ['c1'], visibility: 'open', hostId: 'h1', state: 'live', phase: 'summary', phaseEndsAt: null, ...extra,
});

let container: HTMLElement;

async function show(model: MeetingRoomModel, caseId?: string): Promise<void> {
  render(hostSummaryTools(model, api, caseId), container);
  await container.querySelector<SummaryEditor>('yoriai-summary-editor')?.updateComplete;
}

beforeEach(() => {
  localeStore.set('ja');
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => container.remove());

describe('the host tools in the room', () => {
  test('in the summary phase the host gets the summary editor, starting from the saved summary', async () => {
    const model = new MeetingRoomModel(host);
    model.setMeeting(meeting({ summary: { direction: '見守りを続ける', adoptedProposalIds: [], regionalIssues: [], missingResources: [], followUps: [] } }));
    await show(model);
    expect(get<HTMLTextAreaElement>(container, '#summary-direction').value).toBe('見守りを続ける');
    expect(container.querySelector('#publish-link')).toBeNull();
  });

  test('a case of the agenda starts from its own saved summary', async () => {
    const model = new MeetingRoomModel(host);
    model.setMeeting(meeting({ caseIds: ['c1', 'c2'], summaries: { c2: { direction: '配食を使う', adoptedProposalIds: [], regionalIssues: [], missingResources: [], followUps: [] } } }));
    await show(model, 'c2');
    expect(get<HTMLTextAreaElement>(container, '#summary-direction').value).toBe('配食を使う');
    expect(get(container, '#summary-editor').getAttribute('data-case-id')).toBe('c2');
  });

  test('a summary saved while the room was open is the one the editor starts from when the case comes back', async () => {
    const model = new MeetingRoomModel(host);
    model.setMeeting(meeting({ caseIds: ['c1', 'c2'] }));
    model.apply({ seq: 1, meetingId: 'm1', kind: 'summary.updated', at: '2026-12-02T10:00:00Z',
      actor: { accountId: 'h1', displayName: '高橋', role: 'municipality' },
      data: { caseId: 'c1', direction: '移動販売を使う', adoptedProposalIds: [], regionalIssues: [], missingResources: [], followUps: [] } });
    await show(model, 'c1');
    expect(get<HTMLTextAreaElement>(container, '#summary-direction').value).toBe('移動販売を使う');
  });

  test('after closing the host also gets the link to the publish page; before the summary phase nothing shows', async () => {
    const closed = new MeetingRoomModel(host);
    closed.setMeeting(meeting({ state: 'closed', phase: 'closed' }));
    await show(closed);
    expect(container.querySelector('#summary-editor')).not.toBeNull();
    expect(get(container, '#publish-link').getAttribute('href')).toBe('/#/meetings/m1/publish');

    const early = new MeetingRoomModel(host);
    early.setMeeting(meeting({ phase: 'advice' }));
    await show(early);
    expect(container.querySelector('#summary-editor')).toBeNull();
  });

  test('a participant who is not the host gets nothing', async () => {
    const model = new MeetingRoomModel({ ...host, id: 'p1' });
    model.setMeeting(meeting({ state: 'closed', phase: 'closed' }));
    await show(model);
    expect(container.querySelector('#summary-editor')).toBeNull();
    expect(container.querySelector('#publish-link')).toBeNull();
  });

  test('the publish page has its own route', () => {
    expect(parseRoute('#/meetings/m1/publish')).toEqual({ name: 'meeting-publish', id: 'm1' });
    expect(routeHref({ name: 'meeting-publish', id: 'm1' })).toBe('/#/meetings/m1/publish');
    expect(parseRoute('#/meetings/m1')).toMatchObject({ name: 'meeting', id: 'm1' });
  });
});
