-- Attachments (issue 15): each attachment of a record, and its content, encrypted and addressed by
-- its SHA-256 (shared by the records that show the same file). In the database, so backups and
-- restores carry them and an attachment is saved in one commit with its history event.
CREATE TABLE `attachment_contents` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`content_enc` blob NOT NULL,
	`thumb_enc` blob,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`sha256` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`name_enc` text NOT NULL,
	`personal` integer NOT NULL,
	`keeps_location` integer NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	`removed_at` text,
	`removed_by` text,
	`purged_at` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_complaint` ON `attachments` (`complaint_id`,`added_at`);--> statement-breakpoint
CREATE INDEX `attachments_content` ON `attachments` (`sha256`);