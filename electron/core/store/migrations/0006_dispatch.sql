CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text DEFAULT '' NOT NULL,
	`ord` integer DEFAULT 0 NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'note' NOT NULL,
	`ref_id` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `decisions_meeting` ON `decisions` (`meeting_id`,`ord`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` text PRIMARY KEY NOT NULL,
	`indicator_id` text DEFAULT '' NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`value` real DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`entered_on` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `indicator_values_indicator` ON `indicator_values` (`indicator_id`,`period`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`battle_id` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`owner_unit_id` text DEFAULT '' NOT NULL,
	`cadence` text DEFAULT 'monthly' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'growth' NOT NULL,
	`comparison` text DEFAULT 'gte' NOT NULL,
	`baseline` text DEFAULT '' NOT NULL,
	`target` real DEFAULT 0 NOT NULL,
	`target_text` text DEFAULT '' NOT NULL,
	`ord` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`month` text DEFAULT '' NOT NULL,
	`held_on` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`chair` text DEFAULT '' NOT NULL,
	`attendees` text DEFAULT '' NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `problems` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`source_id` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`found_on` text DEFAULT '' NOT NULL,
	`deadline` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`cleared_on` text DEFAULT '' NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `problems_unit` ON `problems` (`unit_id`,`state`);--> statement-breakpoint
CREATE TABLE `supervisions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`task_ids` text DEFAULT '[]' NOT NULL,
	`matter` text DEFAULT '' NOT NULL,
	`number` integer DEFAULT 0 NOT NULL,
	`deadline` text DEFAULT '' NOT NULL,
	`reply` text DEFAULT '' NOT NULL,
	`held_on` text DEFAULT '' NOT NULL,
	`participants` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`by_unit_id` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
