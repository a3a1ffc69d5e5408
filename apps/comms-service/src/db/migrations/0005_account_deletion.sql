ALTER TABLE "comms"."recipients" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "comms"."recipients" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "email_deliveries_user_idx" ON "comms"."email_deliveries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "email_deliveries_to_address_idx" ON "comms"."email_deliveries" USING btree (lower("to_address"));--> statement-breakpoint
ALTER TABLE "comms"."recipients" ADD CONSTRAINT "recipients_tombstone_check" CHECK (("comms"."recipients"."deleted_at" is null) = ("comms"."recipients"."email" is not null));