CREATE TABLE `import_log` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`exporter` text NOT NULL,
	`imported_at` text NOT NULL,
	`applied` integer NOT NULL,
	`skipped` integer NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `peers` (
	`replica_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`pinned_at` text NOT NULL,
	`known_vector` text DEFAULT '{}' NOT NULL,
	`last_import_at` text DEFAULT '' NOT NULL,
	`last_export_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quarantine` (
	`event_id` text PRIMARY KEY NOT NULL,
	`replica` text NOT NULL,
	`seq` integer NOT NULL,
	`body` text NOT NULL,
	`sig` text DEFAULT '' NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `events` ADD `quarantined` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `replicas` ADD `public_key` text DEFAULT '' NOT NULL;