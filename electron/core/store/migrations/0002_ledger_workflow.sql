CREATE TABLE `closeouts` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`requested_on` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decider_unit_id` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`decided_on` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `closeouts_task` ON `closeouts` (`task_id`,`requested_on`);--> statement-breakpoint
CREATE TABLE `progress` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`percent` integer DEFAULT 0 NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`reported_on` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `progress_task` ON `progress` (`task_id`,`period`);--> statement-breakpoint
CREATE TABLE `replicas` (
	`id` text PRIMARY KEY NOT NULL,
	`office_unit_id` text DEFAULT '' NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`battle` integer DEFAULT 0 NOT NULL,
	`operator` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `tasks` ADD `parent_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `milestones` text DEFAULT '[]' NOT NULL;