import { Migration } from '@mikro-orm/migrations';

/**
 * Rollups: small pre-aggregated tables the metrics read, kept exact by statement-level triggers on
 * the fact tables. Writers only append signed deltas (never update a shared row, so concurrent
 * batches never wait on or deadlock over rollup rows); readers sum rollup + delta in one statement;
 * pufa_compact_rollups() folds the deltas in; pufa_rebuild_rollups() recomputes all from the facts.
 * An activity's co-organisers and laws are mirrored into arrays on its row so that every activity
 * rollup comes from the activity row alone (a cascading delete loses nothing). See docs/metrics.md.
 */
export class Migration20261127204500 extends Migration {
  override async up(): Promise<void> {
    for (const statement of STATEMENTS) this.addSql(statement);
  }
}

const STATEMENTS = [
  `alter table activity add column co_organiser_ids integer[] not null default '{}', add column law_ids integer[] not null default '{}';`,
  `update activity a set
  co_organiser_ids = coalesce((select array_agg(c.agency_id order by c.agency_id) from activity_co_organisers c where c.activity_id = a.id), '{}'),
  law_ids = coalesce((select array_agg(l.law_id order by l.law_id) from activity_laws l where l.activity_id = a.id), '{}');`,
  `create table rollup_activity (month date not null, district_id int, domain_id int, n bigint not null, participants bigint not null, materials bigint not null, consultations bigint not null, online_views bigint not null, constraint rollup_activity_key unique nulls not distinct (month, district_id, domain_id));`,
  `create table rollup_activity_delta (like rollup_activity);`,
  `create table rollup_activity_agency (month date not null, agency_id int not null, district_id int, domain_id int, n bigint not null, participants bigint not null, materials bigint not null, consultations bigint not null, online_views bigint not null, constraint rollup_activity_agency_key unique nulls not distinct (month, agency_id, district_id, domain_id));`,
  `create table rollup_activity_agency_delta (like rollup_activity_agency);`,
  `create table rollup_activity_law (month date not null, law_id int not null, district_id int, domain_id int, n bigint not null, participants bigint not null, materials bigint not null, consultations bigint not null, online_views bigint not null, constraint rollup_activity_law_key unique nulls not distinct (month, law_id, district_id, domain_id));`,
  `create table rollup_activity_law_delta (like rollup_activity_law);`,
  `create table rollup_broadcast (month date not null, outlet_id int not null, agency_id int, domain_id int, n bigint not null, minutes bigint not null, prime_n bigint not null, prime_minutes bigint not null, psa_n bigint not null, reach bigint not null, constraint rollup_broadcast_key unique nulls not distinct (month, outlet_id, agency_id, domain_id));`,
  `create table rollup_broadcast_delta (like rollup_broadcast);`,
  `create table rollup_training (session_id int not null, agency_id int not null, n bigint not null, required bigint not null, attended bigint not null, lead_required bigint not null, lead_attended bigint not null, hours double precision not null, scored bigint not null, passed bigint not null, constraint rollup_training_key unique (session_id, agency_id));`,
  `create table rollup_training_delta (like rollup_training);`,
  `create table rollup_survey (question_id int not null, district_id int not null, day date not null, n bigint not null, aware_n bigint not null, aware_yes bigint not null, sat_n bigint not null, sat_sum bigint not null, sat_sumsq bigint not null, constraint rollup_survey_key unique (question_id, district_id, day));`,
  `create table rollup_survey_delta (like rollup_survey);`,
  `create function pufa_activity_delta(rows activity[], sgn int) returns void language sql as $f$
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
$f$;`,
  `create function pufa_activity_rollup() returns trigger language plpgsql as $f$
begin
  if TG_OP <> 'INSERT' then perform pufa_activity_delta((select array_agg(row(o.*)::activity) from old_rows o), -1); end if;
  if TG_OP <> 'DELETE' then perform pufa_activity_delta((select array_agg(row(n.*)::activity) from new_rows n), 1); end if;
  return null;
end $f$;`,
  `create trigger activity_rollup_ins after insert on activity referencing new table as new_rows for each statement execute function pufa_activity_rollup();`,
  `create trigger activity_rollup_upd after update on activity referencing old table as old_rows new table as new_rows for each statement execute function pufa_activity_rollup();`,
  `create trigger activity_rollup_del after delete on activity referencing old table as old_rows for each statement execute function pufa_activity_rollup();`,
  `create function pufa_activity_mirror() returns trigger language plpgsql as $f$
declare ids int[];
begin
  if TG_OP = 'INSERT' then select array_agg(distinct activity_id) into ids from new_rows;
  elsif TG_OP = 'DELETE' then select array_agg(distinct activity_id) into ids from old_rows;
  else select array_agg(distinct activity_id) into ids from (select activity_id from old_rows union select activity_id from new_rows) t;
  end if;
  execute format(
    'update activity a set %2$I = x.v from (select a2.id, coalesce((select array_agg(p.%1$I order by p.%1$I) from %3$I p where p.activity_id = a2.id), ''{}'') as v from activity a2 where a2.id = any($1)) x where a.id = x.id and a.%2$I is distinct from x.v',
    TG_ARGV[0], TG_ARGV[1], TG_TABLE_NAME) using ids;
  return null;
end $f$;`,
  `create trigger activity_co_organisers_mirror_ins after insert on activity_co_organisers referencing new table as new_rows for each statement execute function pufa_activity_mirror('agency_id', 'co_organiser_ids');`,
  `create trigger activity_co_organisers_mirror_upd after update on activity_co_organisers referencing old table as old_rows new table as new_rows for each statement execute function pufa_activity_mirror('agency_id', 'co_organiser_ids');`,
  `create trigger activity_co_organisers_mirror_del after delete on activity_co_organisers referencing old table as old_rows for each statement execute function pufa_activity_mirror('agency_id', 'co_organiser_ids');`,
  `create trigger activity_laws_mirror_ins after insert on activity_laws referencing new table as new_rows for each statement execute function pufa_activity_mirror('law_id', 'law_ids');`,
  `create trigger activity_laws_mirror_upd after update on activity_laws referencing old table as old_rows new table as new_rows for each statement execute function pufa_activity_mirror('law_id', 'law_ids');`,
  `create trigger activity_laws_mirror_del after delete on activity_laws referencing old table as old_rows for each statement execute function pufa_activity_mirror('law_id', 'law_ids');`,
  `create function pufa_broadcast_delta(rows broadcast_slot[], sgn int) returns void language sql as $f$
  insert into rollup_broadcast_delta
  select date_trunc('month', s.starts_at at time zone 'Asia/Shanghai')::date, s.outlet_id, s.partner_agency_id, s.domain_id,
         sgn * count(*), sgn * sum(s.duration_minutes), sgn * count(*) filter (where s.prime_time),
         sgn * coalesce(sum(s.duration_minutes) filter (where s.prime_time), 0), sgn * count(*) filter (where s.kind = 'PUBLIC_SERVICE_AD'), sgn * sum(s.reach)
  from unnest(rows) s group by 1, 2, 3, 4;
$f$;`,
  `create function pufa_broadcast_rollup() returns trigger language plpgsql as $f$
begin
  if TG_OP <> 'INSERT' then perform pufa_broadcast_delta((select array_agg(row(o.*)::broadcast_slot) from old_rows o), -1); end if;
  if TG_OP <> 'DELETE' then perform pufa_broadcast_delta((select array_agg(row(n.*)::broadcast_slot) from new_rows n), 1); end if;
  return null;
end $f$;`,
  `create trigger broadcast_rollup_ins after insert on broadcast_slot referencing new table as new_rows for each statement execute function pufa_broadcast_rollup();`,
  `create trigger broadcast_rollup_upd after update on broadcast_slot referencing old table as old_rows new table as new_rows for each statement execute function pufa_broadcast_rollup();`,
  `create trigger broadcast_rollup_del after delete on broadcast_slot referencing old table as old_rows for each statement execute function pufa_broadcast_rollup();`,
  `create function pufa_training_delta(rows training_attendance[], sgn int) returns void language sql as $f$
  insert into rollup_training_delta
  select t.session_id, t.agency_id, sgn * count(*), sgn * count(*) filter (where t.required), sgn * count(*) filter (where t.required and t.attended),
         sgn * count(*) filter (where t.required and t.leading_cadre), sgn * count(*) filter (where t.required and t.attended and t.leading_cadre),
         sgn * coalesce(sum(t.hours), 0), sgn * count(t.score), sgn * count(*) filter (where t.score >= 60)
  from unnest(rows) t group by 1, 2;
$f$;`,
  `create function pufa_training_rollup() returns trigger language plpgsql as $f$
begin
  if TG_OP <> 'INSERT' then perform pufa_training_delta((select array_agg(row(o.*)::training_attendance) from old_rows o), -1); end if;
  if TG_OP <> 'DELETE' then perform pufa_training_delta((select array_agg(row(n.*)::training_attendance) from new_rows n), 1); end if;
  return null;
end $f$;`,
  `create trigger training_rollup_ins after insert on training_attendance referencing new table as new_rows for each statement execute function pufa_training_rollup();`,
  `create trigger training_rollup_upd after update on training_attendance referencing old table as old_rows new table as new_rows for each statement execute function pufa_training_rollup();`,
  `create trigger training_rollup_del after delete on training_attendance referencing old table as old_rows for each statement execute function pufa_training_rollup();`,
  `create function pufa_survey_delta(rows survey_answer[], sgn int) returns void language sql as $f$
  insert into rollup_survey_delta
  select a.question_id, r.district_id, r.submitted_on, sgn * count(*), sgn * count(a.aware), sgn * count(*) filter (where a.aware),
         sgn * count(a.satisfaction), sgn * coalesce(sum(a.satisfaction), 0), sgn * coalesce(sum(a.satisfaction * a.satisfaction), 0)
  from unnest(rows) a join survey_response r on r.id = a.response_id group by 1, 2, 3;
$f$;`,
  `create function pufa_survey_rollup() returns trigger language plpgsql as $f$
begin
  if TG_OP <> 'INSERT' then perform pufa_survey_delta((select array_agg(row(o.*)::survey_answer) from old_rows o), -1); end if;
  if TG_OP <> 'DELETE' then perform pufa_survey_delta((select array_agg(row(n.*)::survey_answer) from new_rows n), 1); end if;
  return null;
end $f$;`,
  `create trigger survey_rollup_ins after insert on survey_answer referencing new table as new_rows for each statement execute function pufa_survey_rollup();`,
  `create trigger survey_rollup_upd after update on survey_answer referencing old table as old_rows new table as new_rows for each statement execute function pufa_survey_rollup();`,
  `create trigger survey_rollup_del after delete on survey_answer referencing old table as old_rows for each statement execute function pufa_survey_rollup();`,
  `create function pufa_survey_response_moved() returns trigger language plpgsql as $f$
begin
  insert into rollup_survey_delta
  select a.question_id, x.district_id, x.submitted_on, x.sgn * count(*), x.sgn * count(a.aware), x.sgn * count(*) filter (where a.aware),
         x.sgn * count(a.satisfaction), x.sgn * coalesce(sum(a.satisfaction), 0), x.sgn * coalesce(sum(a.satisfaction * a.satisfaction), 0)
  from (select o.id, o.district_id, o.submitted_on, -1 as sgn from old_rows o join new_rows n using (id) where (o.district_id, o.submitted_on) is distinct from (n.district_id, n.submitted_on)
        union all
        select n.id, n.district_id, n.submitted_on, 1 from old_rows o join new_rows n using (id) where (o.district_id, o.submitted_on) is distinct from (n.district_id, n.submitted_on)) x
  join survey_answer a on a.response_id = x.id group by a.question_id, x.district_id, x.submitted_on, x.sgn;
  return null;
end $f$;`,
  `create trigger survey_response_rollup_upd after update on survey_response referencing old table as old_rows new table as new_rows for each statement execute function pufa_survey_response_moved();`,
  `create function pufa_survey_response_deleted() returns trigger language plpgsql as $f$
begin
  perform pufa_survey_delta(array(select a from survey_answer a where a.response_id = old.id), -1);
  return old;
end $f$;`,
  `create trigger survey_response_rollup_del before delete on survey_response for each row execute function pufa_survey_response_deleted();`,
  `create function pufa_compact_rollups() returns bigint language plpgsql as $f$
declare moved bigint := 0; changed bigint;
begin
  perform pg_advisory_xact_lock(20261127);
  if exists (select 1 from rollup_activity_delta) then
    with d as (delete from rollup_activity_delta returning *)
    insert into rollup_activity as r select month, district_id, domain_id, sum(n), sum(participants), sum(materials), sum(consultations), sum(online_views) from d group by 1, 2, 3 order by 1, 2, 3
    on conflict on constraint rollup_activity_key do update set n = r.n + excluded.n, participants = r.participants + excluded.participants, materials = r.materials + excluded.materials, consultations = r.consultations + excluded.consultations, online_views = r.online_views + excluded.online_views;
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from rollup_activity where n = 0;
  end if;
  if exists (select 1 from rollup_activity_agency_delta) then
    with d as (delete from rollup_activity_agency_delta returning *)
    insert into rollup_activity_agency as r select month, agency_id, district_id, domain_id, sum(n), sum(participants), sum(materials), sum(consultations), sum(online_views) from d group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict on constraint rollup_activity_agency_key do update set n = r.n + excluded.n, participants = r.participants + excluded.participants, materials = r.materials + excluded.materials, consultations = r.consultations + excluded.consultations, online_views = r.online_views + excluded.online_views;
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from rollup_activity_agency where n = 0;
  end if;
  if exists (select 1 from rollup_activity_law_delta) then
    with d as (delete from rollup_activity_law_delta returning *)
    insert into rollup_activity_law as r select month, law_id, district_id, domain_id, sum(n), sum(participants), sum(materials), sum(consultations), sum(online_views) from d group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict on constraint rollup_activity_law_key do update set n = r.n + excluded.n, participants = r.participants + excluded.participants, materials = r.materials + excluded.materials, consultations = r.consultations + excluded.consultations, online_views = r.online_views + excluded.online_views;
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from rollup_activity_law where n = 0;
  end if;
  if exists (select 1 from rollup_broadcast_delta) then
    with d as (delete from rollup_broadcast_delta returning *)
    insert into rollup_broadcast as r select month, outlet_id, agency_id, domain_id, sum(n), sum(minutes), sum(prime_n), sum(prime_minutes), sum(psa_n), sum(reach) from d group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict on constraint rollup_broadcast_key do update set n = r.n + excluded.n, minutes = r.minutes + excluded.minutes, prime_n = r.prime_n + excluded.prime_n, prime_minutes = r.prime_minutes + excluded.prime_minutes, psa_n = r.psa_n + excluded.psa_n, reach = r.reach + excluded.reach;
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from rollup_broadcast where n = 0;
  end if;
  if exists (select 1 from rollup_training_delta) then
    with d as (delete from rollup_training_delta returning *)
    insert into rollup_training as r select session_id, agency_id, sum(n), sum(required), sum(attended), sum(lead_required), sum(lead_attended), sum(hours), sum(scored), sum(passed) from d group by 1, 2 order by 1, 2
    on conflict on constraint rollup_training_key do update set n = r.n + excluded.n, required = r.required + excluded.required, attended = r.attended + excluded.attended, lead_required = r.lead_required + excluded.lead_required, lead_attended = r.lead_attended + excluded.lead_attended, hours = r.hours + excluded.hours, scored = r.scored + excluded.scored, passed = r.passed + excluded.passed;
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from rollup_training where n = 0;
  end if;
  if exists (select 1 from rollup_survey_delta) then
    with d as (delete from rollup_survey_delta returning *)
    insert into rollup_survey as r select question_id, district_id, day, sum(n), sum(aware_n), sum(aware_yes), sum(sat_n), sum(sat_sum), sum(sat_sumsq) from d group by 1, 2, 3 order by 1, 2, 3
    on conflict on constraint rollup_survey_key do update set n = r.n + excluded.n, aware_n = r.aware_n + excluded.aware_n, aware_yes = r.aware_yes + excluded.aware_yes, sat_n = r.sat_n + excluded.sat_n, sat_sum = r.sat_sum + excluded.sat_sum, sat_sumsq = r.sat_sumsq + excluded.sat_sumsq;
    get diagnostics changed = row_count;
    moved := moved + changed;
    delete from rollup_survey where n = 0;
  end if;
  return moved;
end $f$;`,
  `create function pufa_rebuild_rollups() returns void language plpgsql as $f$
declare chunk record;
begin
  perform pg_advisory_xact_lock(20261127);
  truncate rollup_activity, rollup_activity_delta, rollup_activity_agency, rollup_activity_agency_delta, rollup_activity_law, rollup_activity_law_delta,
    rollup_broadcast, rollup_broadcast_delta, rollup_training, rollup_training_delta, rollup_survey, rollup_survey_delta;
  for chunk in select array_agg(a) as rows from activity a group by a.id / 50000 loop perform pufa_activity_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(s) as rows from broadcast_slot s group by s.id / 50000 loop perform pufa_broadcast_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(t) as rows from training_attendance t group by t.id / 50000 loop perform pufa_training_delta(chunk.rows, 1); end loop;
  for chunk in select array_agg(a) as rows from survey_answer a group by a.id / 50000 loop perform pufa_survey_delta(chunk.rows, 1); end loop;
  perform pufa_compact_rollups();
end $f$;`,
  `select pufa_rebuild_rollups();`,
];
