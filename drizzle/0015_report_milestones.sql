-- Each record's milestones on its row, so that a periodic report reads no history (a year's report
-- read 340k records' histories through group_concat, ~0.6 s of SQLite, and parsed them in JS). The view
-- complaint_milestones_of says what they are, in one place: WIB days (UTC+7) of the first change into a
-- verified status, the first TERDISPOSISI, the first follow-up after that (in history order: at, id),
-- the first answer; the last status change's day and status; the paused working days of each RESUME.
-- The trigger complaint_milestones writes them from the view on each status change or RESUME, and this
-- migration fills them in for the records already kept. reports/figures.ts milestonesOf is the same
-- definition over events in memory; a test holds the two against each other on a generated desk.
DROP INDEX `complaints_report`;--> statement-breakpoint
ALTER TABLE `complaints` ADD `verified_day` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `forwarded_day` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `followed_up_day` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `answered_day` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `last_change_day` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `last_change_status` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `pauses` text;--> statement-breakpoint
CREATE VIEW `complaint_milestones_of` AS
SELECT c.id AS complaint_id,
  (SELECT date(min(e.at), '+7 hours') FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.to_status IN ('TERVERIFIKASI', 'TERDISPOSISI', 'DITINDAKLANJUTI', 'DITANGGAPI', 'SELESAI', 'DIARSIPKAN')) AS verified_day,
  (SELECT date(min(e.at), '+7 hours') FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.to_status = 'TERDISPOSISI') AS forwarded_day,
  (SELECT date(min(e.at), '+7 hours') FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.to_status IN ('DITINDAKLANJUTI', 'DITANGGAPI', 'SELESAI')
    AND (e.at, e.id) > (SELECT f.at, f.id FROM complaint_events f WHERE f.complaint_id = c.id
      AND f.to_status = 'TERDISPOSISI' ORDER BY f.at, f.id LIMIT 1)) AS followed_up_day,
  (SELECT date(min(e.at), '+7 hours') FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.to_status IN ('DITINDAKLANJUTI', 'DITANGGAPI', 'SELESAI', 'DIARSIPKAN')) AS answered_day,
  (SELECT date(e.at, '+7 hours') FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.to_status <> '' ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last_change_day,
  (SELECT e.to_status FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.to_status <> '' ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last_change_status,
  (SELECT group_concat(date(e.at, '+7 hours') || '|' || json_extract(e.data, '$.pausedWorkingDays'), ';')
    FROM complaint_events e WHERE e.complaint_id = c.id
    AND e.kind = 'RESUME' AND json_extract(e.data, '$.pausedWorkingDays') <> 0) AS pauses
FROM complaints c;
--> statement-breakpoint
CREATE TRIGGER `complaint_milestones` AFTER INSERT ON `complaint_events`
WHEN NEW.to_status <> '' OR NEW.kind = 'RESUME'
BEGIN
	UPDATE complaints SET (verified_day, forwarded_day, followed_up_day, answered_day, last_change_day, last_change_status, pauses) =
		(SELECT verified_day, forwarded_day, followed_up_day, answered_day, last_change_day, last_change_status, pauses
		FROM complaint_milestones_of WHERE complaint_id = NEW.complaint_id)
	WHERE id = NEW.complaint_id;
END;
--> statement-breakpoint
UPDATE complaints SET (verified_day, forwarded_day, followed_up_day, answered_day, last_change_day, last_change_status, pauses) =
	(SELECT verified_day, forwarded_day, followed_up_day, answered_day, last_change_day, last_change_status, pauses
	FROM complaint_milestones_of m WHERE m.complaint_id = complaints.id);--> statement-breakpoint
CREATE INDEX `complaints_report` ON `complaints` (`received_day`,`seq`,`type`,`channel`,`category_id`,`subcategory_id`,`agency_code`,`kecamatan_code`,`desa_code`,`officer_id`,`anonymous`,`confidential`,`supervisory`,`verify_due`,`follow_up_due`,`answer_due`,`receipt_number`,`id`,`verified_day`,`forwarded_day`,`followed_up_day`,`answered_day`,`last_change_day`,`last_change_status`,`pauses`);
