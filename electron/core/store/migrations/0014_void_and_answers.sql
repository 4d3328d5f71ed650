DROP INDEX `tasks_light`;--> statement-breakpoint
ALTER TABLE `tasks` ADD `void_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `voided_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_light` ON `tasks` (`plan_id`,`deleted`,`parent_id`,`battle_id`,`id`,`ord`,`lead_unit_ids`,`due_date`,`milestones`,`created_on`);--> statement-breakpoint
ALTER TABLE `closeouts` ADD `answer` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `closeouts` ADD `answered_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `closeouts` ADD `withdrawn_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `closeouts` ADD `void_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `closeouts` ADD `voided_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `void_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `voided_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `problems` ADD `void_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `problems` ADD `voided_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `progress` ADD `void_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `progress` ADD `voided_on` text DEFAULT '' NOT NULL;