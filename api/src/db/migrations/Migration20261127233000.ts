import { Migration } from '@mikro-orm/migrations';

/**
 * Rollups at province scale (issue 4, docs/benchmarks.md "Metrics at province scale"), maintained by
 * the same statement triggers, delta tables and compaction as the first rollups
 * (Migration20261127204500):
 * - rollup_activity_agency_month (month, agency): agency rankings and agency × month without the
 *   district and domain that make rollup_activity_agency 50× larger;
 * - rollup_activity_day (day, district, domain): the partial months at the edges of a period, which
 *   were read from the raw facts;
 * - rollup_broadcast_agency (month, agency) and rollup_broadcast_outlet (month, outlet): the media
 *   figures per agency (scorecard) and per outlet without the other keys of rollup_broadcast;
 * - rollup_overlap_reach (domain, agency, month, district, audience): what overlap gaps need per
 *   holder — activities credited (audience null) and, per audience, activities that reached it;
 * - rollup_overlap_shared (domain, month, district, agency set): activities credited to two or more
 *   agencies, so that a domain's activities (counted once however many holders share one) are the
 *   holders' sum less the shared ones counted twice.
 * pufa_compact_rollups() and pufa_rebuild_rollups() are replaced to cover every rollup; the new
 * tables are filled from the facts here.
 */
export class Migration20261127233000 extends Migration {
  override async up(): Promise<void> {
    for (const statement of STATEMENTS) this.addSql(statement);
  }
}

const ACTIVITY_PARTS = 'n bigint not null, participants bigint not null, materials bigint not null, consultations bigint not null, online_views bigint not null';
const BROADCAST_PARTS = 'n bigint not null, minutes bigint not null, prime_n bigint not null, prime_minutes bigint not null, psa_n bigint not null, reach bigint not null';

/** Every rollup: its key columns (the unique constraint `<table>_key`) and its summed columns. */
const ROLLUPS: { table: string; keys: string[]; sums: string[] }[] = [
  { table: 'rollup_activity', keys: ['month', 'district_id', 'domain_id'], sums: ['n', 'participants', 'materials', 'consultations', 'online_views'] },
  { table: 'rollup_activity_agency', keys: ['month', 'agency_id', 'district_id', 'domain_id'], sums: ['n', 'participants', 'materials', 'consultations', 'online_views'] },
  { table: 'rollup_activity_law', keys: ['month', 'law_id', 'district_id', 'domain_id'], sums: ['n', 'participants', 'materials', 'consultations', 'online_views'] },
  { table: 'rollup_activity_agency_month', keys: ['month', 'agency_id'], sums: ['n', 'participants', 'materials', 'consultations', 'online_views'] },
  { table: 'rollup_activity_day', keys: ['day', 'district_id', 'domain_id'], sums: ['n', 'participants', 'materials', 'consultations', 'online_views'] },
  { table: 'rollup_overlap_reach', keys: ['domain_id', 'agency_id', 'month', 'district_id', 'audience'], sums: ['n'] },
  { table: 'rollup_overlap_shared', keys: ['domain_id', 'month', 'district_id', 'agency_ids'], sums: ['n'] },
  { table: 'rollup_broadcast', keys: ['month', 'outlet_id', 'agency_id', 'domain_id'], sums: ['n', 'minutes', 'prime_n', 'prime_minutes', 'psa_n', 'reach'] },
  { table: 'rollup_broadcast_agency', keys: ['month', 'agency_id'], sums: ['n', 'minutes', 'prime_n', 'prime_minutes', 'psa_n', 'reach'] },
  { table: 'rollup_broadcast_outlet', keys: ['month', 'outlet_id'], sums: ['n', 'minutes', 'prime_n', 'prime_minutes', 'psa_n', 'reach'] },
  { table: 'rollup_training', keys: ['session_id', 'agency_id'], sums: ['n', 'required', 'attended', 'lead_required', 'lead_attended', 'hours', 'scored', 'passed'] },
  { table: 'rollup_survey', keys: ['question_id', 'district_id', 'day'], sums: ['n', 'aware_n', 'aware_yes', 'sat_n', 'sat_sum', 'sat_sumsq'] },
];

const NEW_TABLES = ['rollup_activity_agency_month', 'rollup_activity_day', 'rollup_overlap_reach', 'rollup_overlap_shared', 'rollup_broadcast_agency', 'rollup_broadcast_outlet'];

/** Folds one rollup's deltas in (as the first compaction did), rows summing to nothing removed. */
const compactOne = ({ table, keys, sums }: (typeof ROLLUPS)[number]) => {
  const order = keys.map((_, i) => i + 1).join(', ');
  return `  if exists (select 1 from ${table}_delta) then
    with d as (delete from ${table}_delta returning *)
    insert into ${table} as r select ${keys.join(', ')}, ${sums.map((s) => `sum(${s})`).join(', ')} from d group by ${order} order by ${order}
    on conflict on constraint ${table}_key do update set ${sums.map((s) => `${s} = r.${s} + excluded.${s}`).join(', ')};
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from ${table} where n = 0;
  end if;`;
};

const STATEMENTS = [
  `create table rollup_activity_agency_month (month date not null, agency_id int not null, ${ACTIVITY_PARTS}, constraint rollup_activity_agency_month_key unique (month, agency_id));`,
  `create table rollup_activity_agency_month_delta (like rollup_activity_agency_month);`,
  `create table rollup_activity_day (day date not null, district_id int, domain_id int, ${ACTIVITY_PARTS}, constraint rollup_activity_day_key unique nulls not distinct (day, district_id, domain_id));`,
  `create table rollup_activity_day_delta (like rollup_activity_day);`,
  // Keyed domain first: overlap gaps read the rows of a few (domain, holder) pairs.
  `create table rollup_overlap_reach (domain_id int not null, agency_id int not null, month date not null, district_id int, audience text, n bigint not null, constraint rollup_overlap_reach_key unique nulls not distinct (domain_id, agency_id, month, district_id, audience));`,
  `create table rollup_overlap_reach_delta (like rollup_overlap_reach);`,
  `create table rollup_overlap_shared (domain_id int not null, month date not null, district_id int, agency_ids int[] not null, n bigint not null, constraint rollup_overlap_shared_key unique nulls not distinct (domain_id, month, district_id, agency_ids));`,
  `create table rollup_overlap_shared_delta (like rollup_overlap_shared);`,
  `create table rollup_broadcast_agency (month date not null, agency_id int, ${BROADCAST_PARTS}, constraint rollup_broadcast_agency_key unique nulls not distinct (month, agency_id));`,
  `create table rollup_broadcast_agency_delta (like rollup_broadcast_agency);`,
  `create table rollup_broadcast_outlet (month date not null, outlet_id int not null, ${BROADCAST_PARTS}, constraint rollup_broadcast_outlet_key unique (month, outlet_id));`,
  `create table rollup_broadcast_outlet_delta (like rollup_broadcast_outlet);`,
  `create function pufa_activity_scale_delta(rows activity[], sgn int) returns void language sql as $f$
  insert into rollup_activity_agency_month_delta
  select date_trunc('month', a.date)::date, ag.id, sgn * count(*), sgn * sum(a.participants), sgn * sum(a.materials), sgn * sum(a.consultations), sgn * sum(a.online_views)
  from unnest(rows) a cross join lateral (select distinct x as id from unnest(array[a.organiser_id] || a.co_organiser_ids) x) ag group by 1, 2;
  insert into rollup_activity_day_delta
  select a.date, g.district_id, a.domain_id, sgn * count(*), sgn * sum(a.participants), sgn * sum(a.materials), sgn * sum(a.consultations), sgn * sum(a.online_views)
  from unnest(rows) a left join region g on g.id = a.region_id group by 1, 2, 3;
  insert into rollup_overlap_reach_delta
  select a.domain_id, ag.id, date_trunc('month', a.date)::date, g.district_id, u.audience, sgn * count(*)
  from unnest(rows) a left join region g on g.id = a.region_id
  cross join lateral (select distinct x as id from unnest(array[a.organiser_id] || a.co_organiser_ids) x) ag
  cross join lateral (select null::text as audience union select y from unnest(a.audiences) y) u
  where a.domain_id is not null group by 1, 2, 3, 4, 5;
  insert into rollup_overlap_shared_delta
  select a.domain_id, date_trunc('month', a.date)::date, g.district_id, ag.ids, sgn * count(*)
  from unnest(rows) a left join region g on g.id = a.region_id
  cross join lateral (select array_agg(distinct x order by x) as ids from unnest(array[a.organiser_id] || a.co_organiser_ids) x) ag
  where a.domain_id is not null and cardinality(ag.ids) >= 2 group by 1, 2, 3, 4;
$f$;`,
  `create or replace function pufa_activity_delta(rows activity[], sgn int) returns void language sql as $f$
  insert into rollup_activity_delta
  select date_trunc('month', a.date)::date, g.district_id, a.domain_id, sgn * count(*), sgn * sum(a.participants), sgn * sum(a.materials), sgn * sum(a.consultations), sgn * sum(a.online_views)
  from unnest(rows) a left join region g on g.id = a.region_id group by 1, 2, 3;
  insert into rollup_activity_agency_delta
  select date_trunc('month', a.date)::date, ag.id, g.district_id, a.domain_id, sgn * count(*), sgn * sum(a.participants), sgn * sum(a.materials), sgn * sum(a.consultations), sgn * sum(a.online_views)
  from unnest(rows) a left join region g on g.id = a.region_id
  cross join lateral (select distinct x as id from unnest(array[a.organiser_id] || a.co_organiser_ids) x) ag group by 1, 2, 3, 4;
  insert into rollup_activity_law_delta
  select date_trunc('month', a.date)::date, l.id, g.district_id, a.domain_id, sgn * count(*), sgn * sum(a.participants), sgn * sum(a.materials), sgn * sum(a.consultations), sgn * sum(a.online_views)
  from unnest(rows) a left join region g on g.id = a.region_id
  cross join lateral (select distinct x as id from unnest(a.law_ids) x) l group by 1, 2, 3, 4;
  select pufa_activity_scale_delta(rows, sgn);
$f$;`,
  `create function pufa_broadcast_scale_delta(rows broadcast_slot[], sgn int) returns void language sql as $f$
  insert into rollup_broadcast_agency_delta
  select date_trunc('month', s.starts_at at time zone 'Asia/Shanghai')::date, s.partner_agency_id,
         sgn * count(*), sgn * sum(s.duration_minutes), sgn * count(*) filter (where s.prime_time),
         sgn * coalesce(sum(s.duration_minutes) filter (where s.prime_time), 0), sgn * count(*) filter (where s.kind = 'PUBLIC_SERVICE_AD'), sgn * sum(s.reach)
  from unnest(rows) s group by 1, 2;
  insert into rollup_broadcast_outlet_delta
  select date_trunc('month', s.starts_at at time zone 'Asia/Shanghai')::date, s.outlet_id,
         sgn * count(*), sgn * sum(s.duration_minutes), sgn * count(*) filter (where s.prime_time),
         sgn * coalesce(sum(s.duration_minutes) filter (where s.prime_time), 0), sgn * count(*) filter (where s.kind = 'PUBLIC_SERVICE_AD'), sgn * sum(s.reach)
  from unnest(rows) s group by 1, 2;
$f$;`,
  `create or replace function pufa_broadcast_delta(rows broadcast_slot[], sgn int) returns void language sql as $f$
  insert into rollup_broadcast_delta
  select date_trunc('month', s.starts_at at time zone 'Asia/Shanghai')::date, s.outlet_id, s.partner_agency_id, s.domain_id,
         sgn * count(*), sgn * sum(s.duration_minutes), sgn * count(*) filter (where s.prime_time),
         sgn * coalesce(sum(s.duration_minutes) filter (where s.prime_time), 0), sgn * count(*) filter (where s.kind = 'PUBLIC_SERVICE_AD'), sgn * sum(s.reach)
  from unnest(rows) s group by 1, 2, 3, 4;
  select pufa_broadcast_scale_delta(rows, sgn);
$f$;`,
  `create or replace function pufa_compact_rollups() returns bigint language plpgsql as $f$
declare moved bigint := 0; changed bigint;
begin
  perform pg_advisory_xact_lock(20261127);
${ROLLUPS.map(compactOne).join('\n')}
  return moved;
end $f$;`,
  `create or replace function pufa_rebuild_rollups() returns void language plpgsql as $f$
declare chunk record;
begin
  perform pg_advisory_xact_lock(20261127);
  truncate ${ROLLUPS.flatMap((r) => [r.table, `${r.table}_delta`]).join(', ')};
  for chunk in select array_agg(a) as rows from activity a group by a.id / 50000 loop perform pufa_activity_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(s) as rows from broadcast_slot s group by s.id / 50000 loop perform pufa_broadcast_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(t) as rows from training_attendance t group by t.id / 50000 loop perform pufa_training_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(a) as rows from survey_answer a group by a.id / 50000 loop perform pufa_survey_delta(chunk.rows, 1); end loop;
  perform pufa_compact_rollups();
end $f$;`,
  // Fill only the new rollups (the others are current): minutes at province scale, not a full rebuild.
  `do $f$
declare chunk record;
begin
  perform pg_advisory_xact_lock(20261127);
  for chunk in select array_agg(a) as rows from activity a group by a.id / 50000 loop perform pufa_activity_scale_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(s) as rows from broadcast_slot s group by s.id / 50000 loop perform pufa_broadcast_scale_delta(chunk.rows, 1); end loop;
end $f$;`,
  `select pufa_compact_rollups();`,
  // The fill went through the new delta tables, which no other session can have written to (they and
  // the triggers writing them are this transaction's): truncate rather than leave a large empty heap
  // that every query would scan until a vacuum.
  `truncate ${ROLLUPS.filter((r) => NEW_TABLES.includes(r.table)).map((r) => `${r.table}_delta`).join(', ')};`,
];
