CREATE TABLE `task_facts` (
	`task_id` text PRIMARY KEY NOT NULL,
	`percent` integer,
	`closeout` text
) WITHOUT ROWID;
