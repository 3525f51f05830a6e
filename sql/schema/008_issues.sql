-- Recurring problems (issue 12 §1): the grouping state of pipelines/issues/state.ts, stored so that a load assigns its
-- tickets to the issues found before (ids stable across loads) and `npm run issues -- regroup` can start afresh.
-- Every row a load writes carries its load id, like the other tables a load appends to: a load killed while it
-- commits leaves its rows tagged above the last recorded load, and sql/recovery.ts removes them. A load never
-- updates these rows in place: it deletes the old row and inserts the new one, so that a torn commit (whose deletes
-- never apply) is undone by removing the tagged rows alone.

-- One row: the settings every stored signature was made with, and the corpus totals.
CREATE TABLE issue_grouping (
  format          INTEGER NOT NULL,      -- version of the stored state's shape (sql/issues/store.ts)
  options         JSON NOT NULL,         -- GroupingOptions
  next_issue_id   BIGINT NOT NULL,
  corpus_tickets  BIGINT NOT NULL,       -- tickets seen with at least one term (CorpusStats.tickets)
  load_id         BIGINT
);

CREATE TABLE issues (
  issue_id        BIGINT NOT NULL,
  name_terms      VARCHAR[] NOT NULL,    -- most characteristic matching keys (tf·idf), best first
  display_terms   VARCHAR[] NOT NULL,    -- the same terms as the tickets wrote them (accents, codes as typed)
  size            BIGINT NOT NULL,
  signature       UINTEGER[] NOT NULL,   -- MinHash signature of the core features
  feature_counts  STRUCT(feature VARCHAR, tickets INTEGER)[] NOT NULL,  -- most frequent first, bounded
  created_load    BIGINT,
  updated_load    BIGINT,
  load_id         BIGINT
);

-- One row per ticket whose text was grouped; issue_id NULL with the reason when it has no terms to group by.
CREATE TABLE ticket_issues (
  ticket_id       BIGINT NOT NULL,
  issue_id        BIGINT,
  reason          VARCHAR,
  language        VARCHAR NOT NULL,
  load_id         BIGINT,
  CHECK ((issue_id IS NULL) = (reason IS NOT NULL))
);

-- Tickets having each feature (CorpusStats.documentFrequency), for naming issues by tf·idf.
CREATE TABLE issue_term_frequency (
  feature         VARCHAR NOT NULL,
  tickets         BIGINT NOT NULL,
  load_id         BIGINT
);
