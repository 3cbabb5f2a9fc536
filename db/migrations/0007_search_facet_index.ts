import { type Kysely, sql } from 'kysely'

/**
 * Change tracking for the in-process facet index (app/modules/search/facet-index.server.ts): every write of a
 * search row takes the next `seq`, and hard deletes bump `search_state.deletes`, so an app process finds out
 * with one indexed query whether its copy is current and reads only what changed.
 */
export async function up(db: Kysely<any>) {
  await sql`create sequence business_search_seq`.execute(db)
  await sql`alter table business_search add column seq bigint not null default nextval('business_search_seq')`.execute(
    db,
  )
  await sql`create index business_search_seq_idx on business_search (seq)`.execute(db)
  await sql`create table search_state (id integer primary key check (id = 1), deletes bigint not null default 0)`.execute(
    db,
  )
  await sql`insert into search_state (id) values (1)`.execute(db)
  await sql`
    create function search_state_count_deletes() returns trigger language plpgsql as $$
    begin
      update search_state set deletes = deletes + 1 where id = 1;
      return null;
    end $$`.execute(db)
  // Row-level for deletes (a statement that deletes nothing changes nothing), statement-level for truncate.
  await sql`create trigger business_search_deleted after delete on business_search
    for each row execute function search_state_count_deletes()`.execute(db)
  await sql`create trigger business_search_truncated after truncate on business_search
    for each statement execute function search_state_count_deletes()`.execute(db)
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
