/**
 * The queue's "returned" view as a condition on `complaints c`: records the day review sent back
 * and that are not yet corrected (the review owns that state; the queue only asks for it). An
 * officer's view binds one parameter, their account id; a supervisor's binds none. Written as
 * `c.id IN (...)` so SQLite starts from the few returned rows (complaint_reviews_returned) instead
 * of walking every complaint and asking each (EXPLAIN QUERY PLAN on 100,000 rows).
 */
export const returnedSql = (everyone: boolean) =>
  `c.id IN (SELECT r.complaint_id FROM complaint_reviews r WHERE r.state = 'returned'${
    everyone ? '' : ' AND r.returned_to = ?'
  })`;
