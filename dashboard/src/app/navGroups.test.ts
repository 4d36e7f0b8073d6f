import { describe, expect, it } from 'vitest';
import { navGroups } from './navGroups';
import type { PageRoute } from './routes';

const route = (id: string): PageRoute => ({ id, path: id, navKey: 'nav.overview' });

describe('navGroups', () => {
  it('puts each page in its group, keeps the order and leaves out empty groups', () => {
    const groups = navGroups(['overview', 'media', 'portal', 'cases', 'report'].map(route));
    expect(groups.map((g) => [g.key, g.routes.map((r) => r.id)])).toEqual([
      ['nav.group.figures', ['overview', 'media']],
      ['nav.group.public', ['portal', 'cases']],
      ['nav.group.work', ['report']],
    ]);
  });

  it('puts a page of no group with the figures', () => {
    expect(navGroups([route('something-new')])).toEqual([{ key: 'nav.group.figures', routes: [route('something-new')] }]);
  });
});
