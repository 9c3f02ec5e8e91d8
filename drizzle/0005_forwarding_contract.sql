-- Category codes are given by the desk at its next start (reference/category-codes.ts): the slug rules
-- live in TypeScript, and a code once given never changes. key_check is filled at the next start too.
CREATE TABLE `key_check` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `categories` ADD `code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code` ON `categories` (`code`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `invalid_answers` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_unsent` ON `outbox` (`state`,`complaint_id`,`id`) WHERE "outbox"."state" <> 'sent';