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
-- Keys pinned before roles were granted: each is granted what it announced first in its log (what the person
-- confirming its fingerprint was shown), not what it said of itself later.
UPDATE `peers` SET
  `office_unit_id` = coalesce((SELECT json_extract(`body`, '$.fields.officeUnitId') FROM `events` WHERE `entity` = 'replica' AND `entity_id` = `peers`.`replica_id` AND `replica` = `peers`.`replica_id` AND json_extract(`body`, '$.fields.role') IN ('center', 'taskforce', 'unit') ORDER BY `seq` LIMIT 1), ''),
  `role` = coalesce((SELECT json_extract(`body`, '$.fields.role') FROM `events` WHERE `entity` = 'replica' AND `entity_id` = `peers`.`replica_id` AND `replica` = `peers`.`replica_id` AND json_extract(`body`, '$.fields.role') IN ('center', 'taskforce', 'unit') ORDER BY `seq` LIMIT 1), ''),
  `battle` = coalesce((SELECT json_extract(`body`, '$.fields.battle') FROM `events` WHERE `entity` = 'replica' AND `entity_id` = `peers`.`replica_id` AND `replica` = `peers`.`replica_id` AND json_extract(`body`, '$.fields.role') IN ('center', 'taskforce', 'unit') ORDER BY `seq` LIMIT 1), 0);
