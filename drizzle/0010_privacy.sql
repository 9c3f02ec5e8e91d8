CREATE TABLE `legal_holds` (
	`complaint_id` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`set_by` text NOT NULL,
	`set_at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `complaints` ADD `personal_purged_at` text;--> statement-breakpoint
-- A purged or corrected name leaves no token behind in the search index (FTS5 secure-delete).
INSERT INTO `complaint_fts` (`complaint_fts`, `rank`) VALUES ('secure-delete', 1);
