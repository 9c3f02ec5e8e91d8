CREATE TABLE `chain_seals` (
	`kind` text PRIMARY KEY NOT NULL,
	`rows` integer NOT NULL,
	`last_ref` text NOT NULL,
	`hash` text NOT NULL,
	`sealed_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_log_unchained` ON `audit_log` (`id`) WHERE "audit_log"."hash" IS NULL;--> statement-breakpoint
ALTER TABLE `complaint_events` ADD `chain_seq` integer;--> statement-breakpoint
ALTER TABLE `complaint_events` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_events_chain` ON `complaint_events` (`chain_seq`);--> statement-breakpoint
CREATE INDEX `complaint_events_unchained` ON `complaint_events` (`id`) WHERE "complaint_events"."chain_seq" IS NULL;--> statement-breakpoint
CREATE TRIGGER `chain_seals_no_update` BEFORE UPDATE ON `chain_seals`
BEGIN
	SELECT RAISE(ABORT, 'chain_seals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `chain_seals_no_delete` BEFORE DELETE ON `chain_seals`
BEGIN
	SELECT RAISE(ABORT, 'chain_seals is append-only');
END;
