CREATE TABLE `grants` (
	`id` text PRIMARY KEY NOT NULL,
	`office_unit_id` text DEFAULT '' NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`battle` integer DEFAULT 0 NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`released_on` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `peers` ADD `office_unit_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `peers` ADD `role` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `peers` ADD `battle` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `quarantine` ADD `kind` text DEFAULT 'role' NOT NULL;--> statement-breakpoint
CREATE INDEX `events_held` ON `events` (`hlc`) WHERE quarantined = 2;--> statement-breakpoint
-- Keys pinned before roles were granted: they were confirmed with the identity they had announced then.
UPDATE `peers` SET `office_unit_id` = coalesce((SELECT `office_unit_id` FROM `replicas` WHERE `replicas`.`id` = `peers`.`replica_id`), ''), `role` = coalesce((SELECT `role` FROM `replicas` WHERE `replicas`.`id` = `peers`.`replica_id`), ''), `battle` = coalesce((SELECT `battle` FROM `replicas` WHERE `replicas`.`id` = `peers`.`replica_id`), 0);
