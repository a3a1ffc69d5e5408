CREATE TABLE "comms"."recipients" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text,
	"locale" text,
	"updated_at" timestamp (3) with time zone NOT NULL
);
