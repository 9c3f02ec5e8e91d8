CREATE TABLE `applied_changes` (
	`change_id` text PRIMARY KEY NOT NULL,
	`applied_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` text NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`payload_enc` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`last_status` integer,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_ref` ON `outbox` (`ref_id`);--> statement-breakpoint
CREATE INDEX `outbox_complaint` ON `outbox` (`complaint_id`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_ready` ON `outbox` (`next_attempt_at`,`id`) WHERE "outbox"."state" = 'pending';--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
-- Everything recorded before forwarding existed waits to be sent: each complaint, then its events
-- (payload_enc NULL: the sender builds the complaint's body from the row when it sends it).
INSERT INTO `outbox` (`complaint_id`, `kind`, `ref_id`, `payload_enc`, `state`, `next_attempt_at`, `created_at`)
SELECT `id`, 'complaint', `id`, NULL, 'pending', `received_at`, `received_at` FROM `complaints` ORDER BY `seq`;
--> statement-breakpoint
INSERT INTO `outbox` (`complaint_id`, `kind`, `ref_id`, `payload_enc`, `state`, `next_attempt_at`, `created_at`)
SELECT `complaint_id`, 'event', `id`, NULL, 'pending', `at`, `at` FROM `complaint_events`
WHERE `kind` <> 'PEMBUKAAN_DATA_PRIBADI' ORDER BY `at`, `id`;
