CREATE TABLE `battles` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`code` integer DEFAULT 0 NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`office` text DEFAULT '' NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `battles_plan` ON `battles` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`replica` text NOT NULL,
	`seq` integer NOT NULL,
	`hlc` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`schema_version` integer NOT NULL,
	`prev_hash` text NOT NULL,
	`body` text NOT NULL,
	`hash` text NOT NULL,
	`sig` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_replica_seq` ON `events` (`replica`,`seq`);--> statement-breakpoint
CREATE INDEX `events_entity` ON `events` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `field_clocks` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`hlc` text NOT NULL,
	`replica` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`doc_no` text DEFAULT '' NOT NULL,
	`issuer` text DEFAULT '' NOT NULL,
	`issued_on` text DEFAULT '' NOT NULL,
	`year` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sections` (
	`id` text PRIMARY KEY NOT NULL,
	`battle_id` text DEFAULT '' NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`ord` integer DEFAULT 0 NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sections_battle` ON `sections` (`battle_id`,`ord`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text DEFAULT '' NOT NULL,
	`owner_id` text DEFAULT '' NOT NULL,
	`battle_id` text DEFAULT '' NOT NULL,
	`ord` integer DEFAULT 0 NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`value` real DEFAULT 0 NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'absolute' NOT NULL,
	`comparison` text DEFAULT 'eq' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `targets_owner` ON `targets` (`owner_type`,`owner_id`,`ord`);--> statement-breakpoint
CREATE TABLE `task_units` (
	`task_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`role` text NOT NULL,
	`ord` integer NOT NULL,
	PRIMARY KEY(`task_id`, `role`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `task_units_unit` ON `task_units` (`unit_id`,`role`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`battle_id` text DEFAULT '' NOT NULL,
	`section_id` text DEFAULT '' NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`ord` integer DEFAULT 0 NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`list_type` text DEFAULT 'work' NOT NULL,
	`lead_unit_ids` text DEFAULT '[]' NOT NULL,
	`co_unit_ids` text DEFAULT '[]' NOT NULL,
	`lead_person` text DEFAULT '' NOT NULL,
	`handler` text DEFAULT '' NOT NULL,
	`responsible_section` text DEFAULT '' NOT NULL,
	`due_date` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_battle` ON `tasks` (`battle_id`,`ord`);--> statement-breakpoint
CREATE INDEX `tasks_code` ON `tasks` (`code`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
