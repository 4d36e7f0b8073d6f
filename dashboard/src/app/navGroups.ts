/**
 * The nav's sections. With inspections, rectification and the public portal the
 * dashboard has some sixteen pages; one flat row of them is hard to scan, so the
 * nav shows them in the groups a reader thinks in: the figures, oversight
 * (督查整改), the public's services, and reporting. A page not listed here
 * falls into the figures group, so a new page is never lost from the nav.
 */
import type { MessageKey } from './i18n';
import type { PageRoute } from './routes';

export interface NavGroup {
  key: MessageKey;
  routes: PageRoute[];
}

const GROUPS: { key: MessageKey; ids: readonly string[] }[] = [
  { key: 'nav.group.figures', ids: ['overview', 'agencies', 'overlaps', 'media', 'training', 'surveys', 'assessment'] },
  { key: 'nav.group.oversight', ids: ['inspections', 'rectification', 'notice', 'orders'] },
  { key: 'nav.group.public', ids: ['portal', 'cases', 'feedback', 'order'] },
  { key: 'nav.group.work', ids: ['report'] },
];

/** `routes` (in their order) in the nav's groups; empty groups are left out. */
export function navGroups(routes: readonly PageRoute[]): NavGroup[] {
  const groupOf = (id: string) => Math.max(0, GROUPS.findIndex((g) => g.ids.includes(id)));
  return GROUPS.map((g, i) => ({ key: g.key, routes: routes.filter((r) => groupOf(r.id) === i) })).filter(
    (g) => g.routes.length > 0,
  );
}
