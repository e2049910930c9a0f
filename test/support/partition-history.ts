/**
 * A partitioned table's history shared by the replay and the plan tests of ATTACH / DETACH
 * PARTITION: r1 makes p (keys, a foreign key, a CHECK, plain and expression indexes), its
 * partition p1 and a stand-alone p2 with its own matching and extra indexes and keys; r2
 * attaches p2, detaches p1 and adds a default partition; r3 detaches p2, attaches p1 back and
 * indexes p again.
 */
export const PARTITION_HISTORY: readonly string[] = [
  `CREATE TABLE ref (id int PRIMARY KEY);
   CREATE TABLE p (id int, k int, v int REFERENCES ref, c text, PRIMARY KEY (id, k), UNIQUE (k, id), CHECK (v > 0)) PARTITION BY RANGE (k);
   CREATE INDEX ON p (c);
   CREATE INDEX p_expr ON p (lower(c));
   CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
   CREATE TABLE p2 (id int NOT NULL, k int NOT NULL, v int, c text, CONSTRAINT p_v_check CHECK (v > 0), CONSTRAINT p2_own_pk PRIMARY KEY (id, k));
   CREATE INDEX p2_c ON p2 (c);
   CREATE INDEX p2_other ON p2 (id);`,
  `ALTER TABLE p ATTACH PARTITION p2 FOR VALUES FROM (10) TO (20);
   ALTER TABLE p DETACH PARTITION p1;
   CREATE TABLE pd PARTITION OF p DEFAULT;`,
  `ALTER TABLE p DETACH PARTITION p2;
   ALTER TABLE p ATTACH PARTITION p1 FOR VALUES FROM (0) TO (10);
   CREATE INDEX ON p (v);`,
];
