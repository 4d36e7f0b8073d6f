/**
 * Who reads orders and their figures (api: orders.service.ts orderReadScope,
 * docs/portal.md "Reading"): the readers of every record, and an agency
 * reporter (the orders routed to its agency). Kept apart from the pages so
 * the nav and the overlaps page can ask without loading them.
 */
const READERS: ReadonlySet<string> = new Set(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER']);

export function mayReadOrders(role: string | null | undefined): boolean {
  return !!role && READERS.has(role);
}

/**
 * Who may answer for an agency (api: answerOrder, authorizeWrite of
 * activities): its reporter, a district admin for the agencies of its
 * district, an admin naming the agency. Leaders and inspectors read only.
 */
export function mayAnswerFor(
  user: { role: string; agency?: { id: string } | null; district?: { id: string } | null },
  agency: { id: string; region: { district: { id: string } | null } },
): boolean {
  if (user.role === 'ADMIN') return true;
  if (user.role === 'DISTRICT_ADMIN') return !!user.district && agency.region.district?.id === user.district.id;
  return user.role === 'AGENCY_REPORTER' && user.agency?.id === agency.id;
}
