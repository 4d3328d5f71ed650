CREATE TABLE `instructions` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text DEFAULT '' NOT NULL,
	`problem_id` text DEFAULT '' NOT NULL,
	`leader` text DEFAULT '' NOT NULL,
	`given_on` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`unit_id` text DEFAULT '' NOT NULL,
	`reply_by` text DEFAULT '' NOT NULL,
	`reply` text DEFAULT '' NOT NULL,
	`replied_on` text DEFAULT '' NOT NULL,
	`void_reason` text DEFAULT '' NOT NULL,
	`voided_on` text DEFAULT '' NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `instructions_task` ON `instructions` (`task_id`);--> statement-breakpoint
CREATE INDEX `instructions_unit` ON `instructions` (`unit_id`,`replied_on`);