CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_name_key` ON `accounts` (`name_key`);--> statement-breakpoint
CREATE TABLE `agencies` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	FOREIGN KEY (`actor_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `channels` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`from_status` text,
	`to_status` text,
	`reason` text,
	`data` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint` ON `complaint_events` (`complaint_id`,`at`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_number` text NOT NULL,
	`type` text NOT NULL,
	`channel` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`incident_date` text,
	`kecamatan_code` text,
	`desa_code` text,
	`location_detail` text,
	`category_id` integer,
	`subcategory_id` integer,
	`agency_code` text NOT NULL,
	`supervisory` integer NOT NULL,
	`anonymous` integer NOT NULL,
	`confidential` integer NOT NULL,
	`complainant_name` text,
	`nik_enc` text,
	`nik_bidx` text,
	`phone_enc` text,
	`phone_bidx` text,
	`email_enc` text,
	`address_enc` text,
	`officer_id` text NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	`received_day` text NOT NULL,
	`verify_due` text NOT NULL,
	`follow_up_due` text NOT NULL,
	`answer_due` text NOT NULL,
	`lapor_tracking_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`channel`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kecamatan_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`desa_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subcategory_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_code`) REFERENCES `agencies`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_receipt` ON `complaints` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `complaints_received` ON `complaints` (`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_day` ON `complaints` (`received_day`);--> statement-breakpoint
CREATE INDEX `complaints_status` ON `complaints` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_agency` ON `complaints` (`agency_code`,`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_phone` ON `complaints` (`phone_bidx`);--> statement-breakpoint
CREATE INDEX `complaints_nik` ON `complaints` (`nik_bidx`);--> statement-breakpoint
CREATE TABLE `desk` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`site_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "desk_single_row" CHECK("desk"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`basis` text
);
--> statement-breakpoint
CREATE TABLE `receipt_sequences` (
	`day` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text
);
--> statement-breakpoint
CREATE INDEX `regions_parent` ON `regions` (`parent_code`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
