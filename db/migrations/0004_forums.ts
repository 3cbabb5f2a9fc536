import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('forums')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('title_ru', 'text', (c) => c.notNull().check(sql`length(trim(title_ru)) between 1 and 200`))
    .addColumn('title_en', 'text', (c) => c.notNull().check(sql`length(trim(title_en)) between 1 and 200`))
    .addColumn('year', 'smallint', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('place_ru', 'text', (c) => c.check(sql`length(place_ru) <= 200`))
    .addColumn('place_en', 'text', (c) => c.check(sql`length(place_en) <= 200`))
    .addColumn('starts_on', 'date')
    .addColumn('ends_on', 'date')
    .addColumn('nominations_open_at', 'timestamptz')
    .addColumn('nominations_close_at', 'timestamptz')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned', 'open', 'closed', 'held')`),
    )
    .addColumn('default_quota', 'integer', (c) =>
      c.notNull().defaultTo(3).check(sql`default_quota between 0 and 1000`),
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'forums_dates_order',
      sql`ends_on is null or starts_on is null or ends_on >= starts_on`,
    )
    .addCheckConstraint(
      'forums_window_order',
      sql`nominations_close_at is null or nominations_open_at is null or nominations_close_at > nominations_open_at`,
    )
    .execute()

  await db.schema
    .createTable('forum_quotas')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('country_code', 'char(2)', (c) => c.notNull().references('countries.code'))
    .addColumn('quota', 'integer', (c) => c.notNull().check(sql`quota between 0 and 1000`))
    .addPrimaryKeyConstraint('forum_quotas_pkey', ['forum_id', 'country_code'])
    .execute()

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id'))
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('country_code', 'char(2)', (c) => c.notNull().references('countries.code'))
    .addColumn('council_id', 'integer', (c) => c.notNull().references('councils.id'))
    .addColumn('person_name', 'text', (c) =>
      c.notNull().check(sql`length(trim(person_name)) between 1 and 200`),
    )
    .addColumn('person_position', 'text', (c) => c.check(sql`length(person_position) <= 200`))
    .addColumn('person_email', 'text', (c) => c.check(sql`person_email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`))
    .addColumn('person_phone', 'text', (c) => c.check(sql`person_phone ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('justification_ru', 'text', (c) => c.check(sql`length(justification_ru) <= 4000`))
    .addColumn('justification_en', 'text', (c) => c.check(sql`length(justification_en) <= 4000`))
    .addColumn('topics', 'text', (c) => c.check(sql`length(topics) <= 2000`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn')`),
    )
    .addColumn('return_comment', 'text', (c) => c.check(sql`length(return_comment) <= 2000`))
    .addColumn('decision_note', 'text', (c) => c.check(sql`length(decision_note) <= 2000`))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'nominations_submitted_has_justification',
      sql`status in ('draft', 'withdrawn') or coalesce(justification_ru, justification_en) is not null`,
    )
    .execute()
  // A business is nominated at most once per forum (a withdrawn nomination frees it).
  await sql`create unique index nominations_forum_business_key on nominations (forum_id, business_id) where status <> 'withdrawn'`.execute(
    db,
  )
  await db.schema
    .createIndex('nominations_forum_country_idx')
    .on('nominations')
    .columns(['forum_id', 'country_code', 'status'])
    .execute()

  await db.schema
    .createTable('nomination_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('nomination_id', 'integer', (c) =>
      c.notNull().references('nominations.id').onDelete('cascade'),
    )
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('score_relevance', 'smallint', (c) => c.check(sql`score_relevance between 1 and 5`))
    .addColumn('score_potential', 'smallint', (c) => c.check(sql`score_potential between 1 and 5`))
    .addColumn('score_readiness', 'smallint', (c) => c.check(sql`score_readiness between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.check(sql`length(comment) <= 4000`))
    .addColumn('conflicted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('nomination_reviews_unique', ['nomination_id', 'reviewer_id'])
    // A conflicted reviewer gives no scores; anyone else gives all of them.
    .addCheckConstraint(
      'nomination_reviews_scores',
      sql`(conflicted and score_relevance is null and score_potential is null and score_readiness is null)
        or (not conflicted and score_relevance is not null and score_potential is not null and score_readiness is not null)`,
    )
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
