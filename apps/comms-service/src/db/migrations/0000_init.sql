CREATE SCHEMA "comms";
--> statement-breakpoint
CREATE TABLE "comms"."email_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_deliveries_status_check" CHECK ("comms"."email_deliveries"."status" in ('queued', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "comms"."inbox" (
	"event_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_consumer_pk" PRIMARY KEY("event_id","consumer")
);
--> statement-breakpoint
CREATE TABLE "comms"."outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "email_deliveries_due_idx" ON "comms"."email_deliveries" USING btree ("next_attempt_at") WHERE "comms"."email_deliveries"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "email_deliveries_created_idx" ON "comms"."email_deliveries" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "email_deliveries_event_idx" ON "comms"."email_deliveries" USING btree ("event_id","template");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "comms"."outbox" USING btree ("seq") WHERE "comms"."outbox"."published_at" is null;