import { describe } from 'vitest';
import { historyConvergence } from '../support/history-convergence.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/**
 * Forms PostgreSQL 15 stores and prints apart from the written text (found by sqldef's cases):
 * `x AT TIME ZONE 'utc'` keeps its SQL syntax in defaults, CHECKs, index keys and views while
 * `timezone('utc', x)` stays a call, so the second revision's switch must be planned; interval
 * literals with a field qualifier or precision and money literals are converted when parsed
 * (`interval '1.5' hour` is `'01:00:00'`, `money '1.999'` is `'$2.00'`); pg_get_viewdef names
 * a sub-select's FROM item `points_1`, prints `1 AS "?column?"`, the implicit casts of function
 * arguments, `*` over a WITH query or sub-select as columns, and GROUP BY output names as their
 * expressions. A second plan must not rebuild any of them.
 */
const HISTORY = revisionsFromSql('stored-forms', [
  `CREATE TABLE events (
     id bigint NOT NULL,
     created_at timestamp NOT NULL DEFAULT timezone('utc', now()),
     CONSTRAINT events_tz_check CHECK (timezone('utc', created_at) < now()));
   CREATE INDEX events_utc ON events (timezone('utc', created_at));
   CREATE TABLE m (
     id integer,
     price money DEFAULT money '1.999',
     fee money DEFAULT '-0.5',
     ttl_year interval DEFAULT interval '1' year,
     ttl_min interval DEFAULT interval '90' minute,
     h interval DEFAULT interval '1.5' hour,
     p interval DEFAULT interval(0) '1.5');
   CREATE TABLE points (id bigint PRIMARY KEY, kind smallint NOT NULL, created_at timestamp);
   CREATE TABLE users (id bigint PRIMARY KEY, active boolean NOT NULL, payload jsonb);
   CREATE TABLE a (id bigint, name text);
   CREATE TABLE b (id bigint, name text);
   CREATE MATERIALIZED VIEW latest AS
     SELECT * FROM points WHERE id IN (SELECT max(id) AS id FROM points GROUP BY kind);
   CREATE INDEX latest_kind ON latest (kind);
   CREATE VIEW today AS
     SELECT * FROM points WHERE created_at <= to_timestamp(to_char(current_date, 'YYYY-MM-DD'), 'YYYY-MM-DD');
   CREATE VIEW created AS SELECT to_timestamp((payload->>'created')::bigint) AS created FROM users;
   CREATE MATERIALIZED VIEW active_users AS WITH recent AS (SELECT id FROM users WHERE active) SELECT * FROM recent;
   CREATE VIEW ab AS SELECT * FROM ((SELECT a.id, a.name FROM a) UNION ALL (SELECT b.id, b.name FROM b)) t;
   CREATE VIEW one AS SELECT 1 WHERE 1 = ANY (ARRAY[1, 4, 5]);
   CREATE MATERIALIZED VIEW per_year AS
     SELECT EXTRACT(year FROM created_at) AS y, count(*) AS n FROM points GROUP BY y ORDER BY 1;`,
  `ALTER TABLE events ALTER COLUMN created_at SET DEFAULT (now() AT TIME ZONE 'utc');
   ALTER TABLE events DROP CONSTRAINT events_tz_check;
   ALTER TABLE events ADD CONSTRAINT events_tz_check CHECK ((created_at AT TIME ZONE 'utc') < now());
   DROP INDEX events_utc;
   CREATE INDEX events_utc ON events ((created_at AT TIME ZONE 'utc'));
   CREATE VIEW utc AS SELECT created_at AT TIME ZONE 'utc' AS at_utc, timezone('utc', created_at) AS called FROM events;`,
]);

describe('forms PostgreSQL stores apart from the written text converge (judged by pg_dump)', () => {
  historyConvergence(HISTORY, { suffix: ', nothing left to plan' });
});
