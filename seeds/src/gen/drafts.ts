/**
 * Rows under construction. Activities and responsibility items are built as drafts that
 * hold their links (co-organisers, laws, items, districts) by value; generate.ts sorts them,
 * numbers them and flattens the links into the link tables.
 */
import type { ActivityRow, KeyDate, ResponsibilityItemRow } from '../model.js';

export interface ItemDraft extends Omit<ResponsibilityItemRow, 'id'> {
  laws: number[];
  districts: number[];
  /** Theme code the item was drawn from, and the key date it is built around (bookkeeping only). */
  theme: string;
  keyDate: KeyDate | null;
  id?: number;
}

export interface ActivityDraft extends Omit<ActivityRow, 'id'> {
  co: number[];
  laws: number[];
  items: ItemDraft[];
  /** Theme code, or 'TROUPE' for a 法治乌兰牧骑 performance (bookkeeping only). */
  theme: string;
}

export function itemRow(d: ItemDraft): ResponsibilityItemRow {
  return {
    id: d.id!, agency_id: d.agency_id, year: d.year, title: d.title, domain_id: d.domain_id,
    audiences: d.audiences, forms: d.forms, venue_types: d.venue_types, planned_count: d.planned_count,
    starts_on: d.starts_on, ends_on: d.ends_on, responsible_leader: d.responsible_leader,
    responsible_department: d.responsible_department, published: d.published,
  };
}

export function activityRow(d: ActivityDraft, id: number): ActivityRow {
  return {
    id, title: d.title, date: d.date, region_id: d.region_id, organiser_id: d.organiser_id, form: d.form,
    venue_type: d.venue_type, audiences: d.audiences, domain_id: d.domain_id, troupe: d.troupe,
    participants: d.participants, materials: d.materials, consultations: d.consultations,
    online_views: d.online_views, key_date: d.key_date,
  };
}
