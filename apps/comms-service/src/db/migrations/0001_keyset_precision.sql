DROP INDEX "comms"."email_deliveries_event_idx";--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
CREATE UNIQUE INDEX "email_deliveries_event_template_idx" ON "comms"."email_deliveries" USING btree ("event_id","template");