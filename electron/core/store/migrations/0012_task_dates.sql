ALTER TABLE `tasks` ADD `created_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `changed_on` text DEFAULT '' NOT NULL;