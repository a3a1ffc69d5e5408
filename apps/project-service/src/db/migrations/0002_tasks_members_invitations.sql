CREATE TABLE "projects"."activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects"."comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects"."invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_role_check" CHECK ("projects"."invitations"."role" in ('admin', 'member', 'viewer'))
);
--> statement-breakpoint
CREATE TABLE "projects"."people" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" text,
	"display_name" text,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projects"."tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'todo' NOT NULL,
	"priority" text DEFAULT 'none' NOT NULL,
	"assignee_id" uuid,
	"due_date" date,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title || ' ' || description)) STORED NOT NULL,
	CONSTRAINT "tasks_status_check" CHECK ("projects"."tasks"."status" in ('backlog', 'todo', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "tasks_priority_check" CHECK ("projects"."tasks"."priority" in ('none', 'low', 'medium', 'high', 'urgent')),
	CONSTRAINT "tasks_title_check" CHECK (char_length("projects"."tasks"."title") between 1 and 200),
	CONSTRAINT "tasks_version_check" CHECK ("projects"."tasks"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "projects"."projects" ADD COLUMN "next_task_number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects"."activity" ADD CONSTRAINT "activity_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects"."comments" ADD CONSTRAINT "comments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "projects"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects"."invitations" ADD CONSTRAINT "invitations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects"."tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_project_keyset_idx" ON "projects"."activity" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "comments_task_keyset_idx" ON "projects"."comments" USING btree ("task_id","created_at","id");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "projects"."comments" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_pending_email_idx" ON "projects"."invitations" USING btree ("project_id","email") WHERE "projects"."invitations"."accepted_at" is null and "projects"."invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "people_email_idx" ON "projects"."people" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_project_number_idx" ON "projects"."tasks" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "tasks_project_keyset_idx" ON "projects"."tasks" USING btree ("project_id","created_at","id") WHERE "projects"."tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_project_status_keyset_idx" ON "projects"."tasks" USING btree ("project_id","status","created_at","id") WHERE "projects"."tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_project_assignee_keyset_idx" ON "projects"."tasks" USING btree ("project_id","assignee_id","created_at","id") WHERE "projects"."tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_search_idx" ON "projects"."tasks" USING gin ("search");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "projects"."tasks" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "tasks_created_by_idx" ON "projects"."tasks" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "projects"."projects" ADD CONSTRAINT "projects_next_task_number_check" CHECK ("projects"."projects"."next_task_number" >= 1);