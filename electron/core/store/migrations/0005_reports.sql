CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`office_unit_id` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT '' NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`year` integer DEFAULT 0 NOT NULL,
	`number` integer DEFAULT 0 NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`issued_on` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`texts` text DEFAULT '{}' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reports_office_kind` ON `reports` (`office_unit_id`,`kind`,`year`);