/**
 * An agency's published list and plan as the rows a reader scans: what (title,
 * laws, domain), to whom (audiences, districts), how (forms, venues, planned
 * count), when (window), who (leader, department) — each already in the UI
 * language, so the table, its search and its download show the same words.
 */
import { formatDateRange } from '../../app/format';
import { translate, type Lang, type MessageKey } from '../../app/i18n';
import { localName } from '../../app/session';

interface Named {
  name: string;
  nameEn: string | null;
}

/** The fields of a published ResponsibilityItem the table reads. */
export interface PlanItem {
  id: string;
  title: string;
  laws: readonly Named[];
  domain: Named | null;
  audiences: readonly string[];
  targetDistricts: readonly Named[];
  forms: readonly string[];
  venueTypes: readonly string[];
  plannedCount: number;
  startsOn: string;
  endsOn: string;
  responsibleLeader: string;
  responsibleDepartment: string;
}

export interface PlanRow {
  id: string;
  title: string;
  laws: string;
  domain: string;
  audiences: string;
  districts: string;
  forms: string;
  venues: string;
  plannedCount: number;
  startsOn: string;
  when: string;
  leader: string;
  department: string;
}

/** A list in the UI language: "、" between Chinese names, ", " between English ones. */
export function joinNames(names: readonly string[], lang: Lang): string {
  return names.join(lang === 'en' ? ', ' : '、');
}

function enumLabels(prefix: string, values: readonly string[], lang: Lang): string {
  return joinNames(values.map((v) => translate(lang, `${prefix}.${v}` as MessageKey)), lang);
}

const none = (text: string, lang: Lang) => text || translate(lang, 'portal.plan.none');

export function planRows(items: readonly PlanItem[], lang: Lang): PlanRow[] {
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    laws: none(joinNames(item.laws.map((l) => localName(l, lang)), lang), lang),
    domain: item.domain ? localName(item.domain, lang) : translate(lang, 'portal.plan.none'),
    audiences: none(enumLabels('enum.audiences', item.audiences, lang), lang),
    // No target district: the item is for the whole city.
    districts: item.targetDistricts.length
      ? joinNames(item.targetDistricts.map((d) => localName(d, lang)), lang)
      : translate(lang, 'portal.plan.wholeCity'),
    forms: none(enumLabels('enum.forms', item.forms, lang), lang),
    venues: none(enumLabels('enum.venueTypes', item.venueTypes, lang), lang),
    plannedCount: item.plannedCount,
    startsOn: item.startsOn,
    when: formatDateRange(item.startsOn, item.endsOn, lang),
    leader: item.responsibleLeader,
    department: item.responsibleDepartment,
  }));
}
