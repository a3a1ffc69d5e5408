CREATE TABLE "comms"."email_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comms"."notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"read_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comms"."suppressed_addresses" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"delivery_id" uuid,
	"suppressed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "suppressed_addresses_lower_check" CHECK ("comms"."suppressed_addresses"."address" = lower("comms"."suppressed_addresses"."address"))
);
--> statement-breakpoint
CREATE TABLE "comms"."unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "unsubscribe_tokens_category_check" CHECK ("comms"."unsubscribe_tokens"."category" <> 'security')
);
--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ALTER COLUMN "event_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ADD COLUMN "resent_from" uuid;--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ADD COLUMN "unsubscribe_url" text;--> statement-breakpoint
ALTER TABLE "comms"."suppressed_addresses" ADD CONSTRAINT "suppressed_addresses_delivery_id_email_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "comms"."email_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_user_idx" ON "comms"."notifications" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "comms"."notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "comms"."notifications" USING btree ("user_id") WHERE "comms"."notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "unsubscribe_tokens_user_idx" ON "comms"."unsubscribe_tokens" USING btree ("user_id","expires_at");--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ADD CONSTRAINT "email_deliveries_resent_from_email_deliveries_id_fk" FOREIGN KEY ("resent_from") REFERENCES "comms"."email_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms"."email_deliveries" ADD CONSTRAINT "email_deliveries_cause_check" CHECK (("comms"."email_deliveries"."event_id" is null) <> ("comms"."email_deliveries"."resent_from" is null));