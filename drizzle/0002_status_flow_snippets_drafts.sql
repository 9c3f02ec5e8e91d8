CREATE TABLE `drafts` (
	`account_id` text PRIMARY KEY NOT NULL,
	`data_enc` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `snippets` (
	`keyword` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `complaints_received`;--> statement-breakpoint
DROP INDEX `complaints_status`;--> statement-breakpoint
DROP INDEX `complaints_agency`;--> statement-breakpoint
ALTER TABLE `complaints` ADD `seq` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `current_due` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `paused_since` text;--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_seq` ON `complaints` (`seq`);--> statement-breakpoint
CREATE INDEX `complaints_urgent` ON `complaints` (`current_due`,`received_at`,`seq`) WHERE "complaints"."current_due" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_officer` ON `complaints` (`officer_id`,`received_at`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_channel` ON `complaints` (`channel`,`received_at`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_kecamatan` ON `complaints` (`kecamatan_code`,`received_at`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_category` ON `complaints` (`category_id`,`received_at`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_received` ON `complaints` (`received_at`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_status` ON `complaints` (`status`,`received_at`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_agency` ON `complaints` (`agency_code`,`received_at`,`seq`);--> statement-breakpoint
-- Backfill: each complaint's current deadline, and a stable sequence number.
UPDATE `complaints` SET `current_due` = CASE `status`
	WHEN 'BARU' THEN `verify_due`
	WHEN 'TERVERIFIKASI' THEN `verify_due`
	WHEN 'TERDISPOSISI' THEN `follow_up_due`
	WHEN 'DITINDAKLANJUTI' THEN `answer_due`
	WHEN 'DITANGGAPI' THEN `answer_due`
	ELSE NULL END,
	`seq` = `rowid`;
--> statement-breakpoint
-- The search index is now keyed by seq (implicit rowids may change on VACUUM): rebuild it.
DELETE FROM `complaint_fts`;
--> statement-breakpoint
INSERT INTO `complaint_fts` (`rowid`, `complaint_id`, `title`, `body`, `name`, `location`)
SELECT c.`seq`, c.`id`, c.`title`, c.`body`, coalesce(c.`complainant_name`, ''),
	trim(coalesce(c.`location_detail`, '') || ' ' || coalesce(d.`name`, '') || ' ' || coalesce(k.`name`, ''))
FROM `complaints` c
LEFT JOIN `regions` d ON d.`code` = c.`desa_code`
LEFT JOIN `regions` k ON k.`code` = c.`kecamatan_code`;
