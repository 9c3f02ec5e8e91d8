/**
 * The queue's "returned" view as a condition on `complaints c`: records the day review sent back
 * and that are not yet corrected (the review owns that state; the queue only asks for it). An
 * officer's view binds one parameter, their account id; a supervisor's binds none.
 */
export const returnedSql = (everyone: boolean) =>
  `EXISTS (SELECT 1 FROM complaint_reviews r WHERE r.complaint_id = c.id AND r.state = 'returned'${
    everyone ? '' : ' AND r.returned_to = ?'
  })`;
