-- Each record's delivery to the central server on its row (issue 15): a queue page read it from the
-- outbox for each of its records (a grouped lookup over the record's messages), so every file
-- attached to a record, one more message, made the page slower. The view complaint_delivery_of says
-- what it is, in one place: 'parked' when a message of the record is parked, 'waiting' when one is
-- pending, 'sent' when all went; a record with no message has no row there (NULL). The outbox's
-- triggers write it from the view on each message added, changed in state or removed, and this
-- migration fills it in for the records already kept. Messages of a closed day's register (lane
-- `register:<day>`) match no record and change nothing. The periodic reports still read delivery from
-- the outbox beside their covering index (forwarding's deliveryManySql).
ALTER TABLE `complaints` ADD `delivery` text;--> statement-breakpoint
CREATE VIEW `complaint_delivery_of` AS
SELECT o.complaint_id, CASE WHEN sum(o.state = 'parked') > 0 THEN 'parked'
  WHEN sum(o.state = 'pending') > 0 THEN 'waiting' ELSE 'sent' END AS delivery
FROM `outbox` o GROUP BY o.complaint_id;
--> statement-breakpoint
UPDATE `complaints` SET `delivery` =
  (SELECT d.delivery FROM `complaint_delivery_of` d WHERE d.complaint_id = `complaints`.id)
WHERE EXISTS (SELECT 1 FROM `outbox` o WHERE o.complaint_id = `complaints`.id);--> statement-breakpoint
CREATE TRIGGER `outbox_delivery_added` AFTER INSERT ON `outbox`
BEGIN
  UPDATE `complaints` SET `delivery` =
    (SELECT d.delivery FROM `complaint_delivery_of` d WHERE d.complaint_id = NEW.complaint_id)
  WHERE id = NEW.complaint_id;
END;--> statement-breakpoint
CREATE TRIGGER `outbox_delivery_changed` AFTER UPDATE OF `state` ON `outbox`
WHEN OLD.state IS NOT NEW.state
BEGIN
  UPDATE `complaints` SET `delivery` =
    (SELECT d.delivery FROM `complaint_delivery_of` d WHERE d.complaint_id = NEW.complaint_id)
  WHERE id = NEW.complaint_id;
END;--> statement-breakpoint
CREATE TRIGGER `outbox_delivery_removed` AFTER DELETE ON `outbox`
BEGIN
  UPDATE `complaints` SET `delivery` =
    (SELECT d.delivery FROM `complaint_delivery_of` d WHERE d.complaint_id = OLD.complaint_id)
  WHERE id = OLD.complaint_id;
END;
