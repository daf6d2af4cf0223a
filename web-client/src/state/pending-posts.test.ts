import { PendingPosts } from './pending-posts';

/* A waiting post is matched to its outcome by its command id, not by its text. */

function waiting(...posts: [id: string, text: string][]): PendingPosts {
  const pending = new PendingPosts();
  for (const [id, text] of posts) pending.queued({ type: 'post', id, text }, 'c1');
  return pending;
}

const shown = (pending: PendingPosts) => pending.list.map((p) => [p.id, p.state]);

describe('PendingPosts', () => {
  test('the same text posted from another tab hides this tab’s post only until a refusal, which still finds it', () => {
    const pending = waiting(['c-1', 'はい']);

    pending.posted('はい', 1); // the other tab's post, by the same account
    expect(shown(pending)).toEqual([]);

    pending.failed('c-1', 'storage_unavailable');
    expect(shown(pending)).toEqual([['c-1', 'failed']]);
  });

  test('an ack naming the seq another waiting post was taken for shows that post again', () => {
    const pending = waiting(['c-1', 'はい'], ['c-2', 'はい']);

    pending.posted('はい', 1); // another tab's
    pending.posted('はい', 2); // c-1's own event
    expect(shown(pending)).toEqual([]);

    pending.acked('c-1', 2, 2);
    expect(shown(pending)).toEqual([['c-2', 'pending']]);

    pending.posted('はい', 3);
    pending.acked('c-2', 3, 3);
    expect(shown(pending)).toEqual([]);
  });

  test('an ack that comes before its event: the event hides no other post with the same text', () => {
    const pending = waiting(['c-1', 'はい'], ['c-2', 'はい']);

    pending.acked('c-1', 1, 0);
    pending.posted('はい', 1);

    expect(shown(pending)).toEqual([['c-2', 'pending']]);
  });

  test('the connection ending for good fails what is still waiting, and the writer may discard it', () => {
    const pending = waiting(['c-1', '一つ目'], ['c-2', '二つ目']);
    pending.posted('一つ目', 1);

    pending.allFailed('disconnected');
    expect(shown(pending)).toEqual([['c-2', 'failed']]);

    pending.remove('c-2');
    expect(shown(pending)).toEqual([]);
  });
});
