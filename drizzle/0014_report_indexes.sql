-- The periodic reports read every column they count from these two indexes alone: a year's report at
-- 1M complaints read 340k wide rows (bodies and all) and their events' rows, ~2.5 s of disk reads per
-- period. complaints_report replaces complaints_day (its first column), so a save writes no extra index.
DROP INDEX `complaints_day`;--> statement-breakpoint
CREATE INDEX `complaints_report` ON `complaints` (`received_day`,`seq`,`type`,`channel`,`category_id`,`subcategory_id`,`agency_code`,`kecamatan_code`,`desa_code`,`officer_id`,`anonymous`,`confidential`,`supervisory`,`verify_due`,`follow_up_due`,`answer_due`,`receipt_number`,`id`);--> statement-breakpoint
DROP INDEX `complaint_events_complaint`;--> statement-breakpoint
CREATE INDEX `complaint_events_complaint` ON `complaint_events` (`complaint_id`,`at`,`id`,`to_status`,`kind`);