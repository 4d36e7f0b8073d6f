import { Migration } from '@mikro-orm/migrations';

/**
 * Batch ingestion writes an activity's law and co-organiser mirrors with the row and says so for its
 * transaction (`set local pufa.links_mirrored = on`): the pivot tables' mirror triggers then skip the
 * look-up of every written activity's links, which found nothing to change (docs/metrics.md, rollups).
 * Every other writer of the pivot tables is mirrored as before.
 */
export class Migration20261128050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function pufa_activity_mirror() returns trigger language plpgsql as $f$
declare ids int[];
begin
  if current_setting('pufa.links_mirrored', true) = 'on' then return null; end if;
  if TG_OP = 'INSERT' then select array_agg(distinct activity_id) into ids from new_rows;
  elsif TG_OP = 'DELETE' then select array_agg(distinct activity_id) into ids from old_rows;
  else select array_agg(distinct activity_id) into ids from (select activity_id from old_rows union select activity_id from new_rows) t;
  end if;
  execute format(
    'update activity a set %2$I = x.v from (select a2.id, coalesce((select array_agg(p.%1$I order by p.%1$I) from %3$I p where p.activity_id = a2.id), ''{}'') as v from activity a2 where a2.id = any($1)) x where a.id = x.id and a.%2$I is distinct from x.v',
    TG_ARGV[0], TG_ARGV[1], TG_TABLE_NAME) using ids;
  return null;
end $f$;`);
  }
}
