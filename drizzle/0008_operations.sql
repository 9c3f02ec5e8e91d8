CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`taken_at` text NOT NULL,
	`reason` text NOT NULL,
	`outcome` text NOT NULL,
	`bytes` integer,
	`duration_ms` integer,
	`counts` text,
	`with_recovery` integer DEFAULT false NOT NULL,
	`second_folder` text,
	`second_outcome` text,
	`error` text,
	`removed_at` text
);
--> statement-breakpoint
CREATE TABLE `key_recovery` (
	`id` integer PRIMARY KEY NOT NULL,
	`envelope` text NOT NULL,
	`set_by` text NOT NULL,
	`set_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `receipt_sequence_floors` (
	`generation` integer PRIMARY KEY NOT NULL,
	`from_day` text NOT NULL,
	`floor` integer NOT NULL,
	`restored_at` text NOT NULL,
	`backup_taken_at` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `receipt_sequence_floors_no_update` BEFORE UPDATE ON `receipt_sequence_floors`
BEGIN
	SELECT RAISE(ABORT, 'receipt_sequence_floors is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `receipt_sequence_floors_no_delete` BEFORE DELETE ON `receipt_sequence_floors`
BEGIN
	SELECT RAISE(ABORT, 'receipt_sequence_floors is append-only');
END;
