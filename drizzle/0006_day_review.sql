CREATE TABLE `complaint_reviews` (
	`complaint_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`by_id` text,
	`at` text NOT NULL,
	`note` text,
	`returned_to` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_to`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_reviews_returned` ON `complaint_reviews` (`state`,`returned_to`);--> statement-breakpoint
CREATE TABLE `day_registers` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL,
	`reason` text,
	`entries` integer NOT NULL,
	`content` text NOT NULL,
	`digest` text NOT NULL,
	FOREIGN KEY (`closed_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `day_registers_day` ON `day_registers` (`day`);--> statement-breakpoint
CREATE TABLE `register_entries` (
	`complaint_id` text PRIMARY KEY NOT NULL,
	`register_id` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_id`) REFERENCES `day_registers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_entries_register` ON `register_entries` (`register_id`);--> statement-breakpoint
CREATE TRIGGER `day_registers_no_update` BEFORE UPDATE ON `day_registers`
BEGIN
	SELECT RAISE(ABORT, 'day_registers is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `day_registers_no_delete` BEFORE DELETE ON `day_registers`
BEGIN
	SELECT RAISE(ABORT, 'day_registers is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `register_entries_no_update` BEFORE UPDATE ON `register_entries`
BEGIN
	SELECT RAISE(ABORT, 'register_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `register_entries_no_delete` BEFORE DELETE ON `register_entries`
BEGIN
	SELECT RAISE(ABORT, 'register_entries is append-only');
END;
