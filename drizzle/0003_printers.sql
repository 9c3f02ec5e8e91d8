CREATE TABLE `printers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text NOT NULL,
	`paper` text NOT NULL,
	`codepage_mapping` text DEFAULT 'epson' NOT NULL,
	`qr_mode` text DEFAULT 'native' NOT NULL,
	`timeout_ms` integer DEFAULT 8000 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
