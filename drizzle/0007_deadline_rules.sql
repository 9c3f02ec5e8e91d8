CREATE TABLE `deadline_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_type` text,
	`verify_working_days` integer NOT NULL,
	`follow_up_working_days` integer NOT NULL,
	`answer_calendar_days` integer NOT NULL,
	`effective_from` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `deadline_rules_no_update` BEFORE UPDATE ON `deadline_rules`
BEGIN
	SELECT RAISE(ABORT, 'deadline_rules is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `deadline_rules_no_delete` BEFORE DELETE ON `deadline_rules`
BEGIN
	SELECT RAISE(ABORT, 'deadline_rules is append-only');
END;
