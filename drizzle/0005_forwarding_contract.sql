-- Category codes are given by the desk at its next start (reference/category-codes.ts): the slug rules
-- live in TypeScript, and a code once given never changes.
ALTER TABLE `categories` ADD `code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code` ON `categories` (`code`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `invalid_answers` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_unsent` ON `outbox` (`state`,`complaint_id`,`id`) WHERE "outbox"."state" <> 'sent';
