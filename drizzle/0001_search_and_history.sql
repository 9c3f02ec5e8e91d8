-- Full-text search over title, body, complainant name and location (FTS5).
-- unicode61 with diacritics removed suits Indonesian text; prefix indexes make "jal*" fast.
CREATE VIRTUAL TABLE `complaint_fts` USING fts5(
	`complaint_id` UNINDEXED,
	`title`,
	`body`,
	`name`,
	`location`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
-- History and audit are append-only: a correction is a new event, never an edit.
CREATE TRIGGER `complaint_events_no_update` BEFORE UPDATE ON `complaint_events`
BEGIN
	SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_events_no_delete` BEFORE DELETE ON `complaint_events`
BEGIN
	SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_parent_name` ON `categories` (coalesce(`parent_id`, 0), `name`);
