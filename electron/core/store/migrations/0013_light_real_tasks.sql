DROP INDEX `tasks_light`;--> statement-breakpoint
CREATE INDEX `tasks_light` ON `tasks` (`plan_id`,`deleted`,`parent_id`,`battle_id`,`id`,`ord`,`lead_unit_ids`,`due_date`,`milestones`);