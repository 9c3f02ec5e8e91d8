-- Only a complaint's first unsent message is ever due: the ones behind it (held behind a parked
-- record, or waiting for one in backoff) take a send time beyond any date, so the sender's scan of
-- due messages does not walk them on every pass (forwarding/outbox.ts, heldAt).
UPDATE `outbox` SET `next_attempt_at` = '9999-12-31T23:59:59.999Z'
WHERE `state` = 'pending'
	AND `id` > (SELECT min(o.`id`) FROM `outbox` o WHERE o.`complaint_id` = `outbox`.`complaint_id` AND o.`state` <> 'sent');
