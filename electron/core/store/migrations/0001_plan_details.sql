ALTER TABLE `battles` ADD `annex_title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `battles` ADD `annex_goals` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `battles` ADD `conveners` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `battles` ADD `member_unit_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `group_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `clause` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `lead_by_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `units` ADD `kind` text DEFAULT 'unit' NOT NULL;