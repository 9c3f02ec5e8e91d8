-- Cari at a million complaints: a word of 4 to 6 letters ("jala", "jalan", "tidak") was a prefix query
-- that merged every matching term's whole list (25-45 ms, before the first row); with prefix indexes up
-- to 6 letters it is a straight lookup read newest first (~0.1 ms). Longer words have short lists.
-- The index is copied from the old table row for row (same rowid = complaint seq, same text), merged
-- into one segment (a bulk copy leaves dozens of segments that FTS5 would otherwise go on merging a
-- step at a time inside later saves: p99 30-50 ms at 1M), then the old one is dropped and the new one
-- takes its name.
CREATE VIRTUAL TABLE `complaint_fts_next` USING fts5(
	`complaint_id` UNINDEXED,
	`title`,
	`body`,
	`name`,
	`location`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4 5 6'
);
--> statement-breakpoint
INSERT INTO `complaint_fts_next` (`rowid`, `complaint_id`, `title`, `body`, `name`, `location`)
	SELECT `rowid`, `complaint_id`, `title`, `body`, `name`, `location` FROM `complaint_fts`;
--> statement-breakpoint
INSERT INTO `complaint_fts_next` (`complaint_fts_next`) VALUES ('optimize');
--> statement-breakpoint
DROP TABLE `complaint_fts`;
--> statement-breakpoint
ALTER TABLE `complaint_fts_next` RENAME TO `complaint_fts`;
