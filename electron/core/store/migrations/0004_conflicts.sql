CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`winner_value` text NOT NULL,
	`winner_replica` text NOT NULL,
	`winner_hlc` text NOT NULL,
	`loser_value` text NOT NULL,
	`loser_replica` text NOT NULL,
	`loser_hlc` text NOT NULL,
	`settled` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `field_clocks` ADD `basis` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `field_clocks` ADD `mixed` integer DEFAULT 0 NOT NULL;