CREATE TABLE "projects"."payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"plan_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"failure_reason" text,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"receipt_number" text,
	"payer_id" uuid NOT NULL,
	"idempotency_key" text,
	"request_digest" text NOT NULL,
	"gateway_key" text NOT NULL,
	"intent_id" text,
	"client_secret" text,
	"confirm_method" text,
	"confirm_attempt" integer DEFAULT 0 NOT NULL,
	"previous_plan" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone,
	CONSTRAINT "payments_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "payments_gateway_key_unique" UNIQUE("gateway_key"),
	CONSTRAINT "payments_intent_id_unique" UNIQUE("intent_id"),
	CONSTRAINT "payments_status_check" CHECK ("projects"."payments"."status" in ('pending', 'processing', 'succeeded', 'failed', 'refunded', 'unknown')),
	CONSTRAINT "payments_plan_check" CHECK ("projects"."payments"."plan_id" in ('pro', 'business')),
	CONSTRAINT "payments_currency_check" CHECK ("projects"."payments"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "payments_amount_check" CHECK ("projects"."payments"."amount" > 0),
	CONSTRAINT "payments_refunded_amount_check" CHECK ("projects"."payments"."refunded_amount" between 0 and "projects"."payments"."amount"),
	CONSTRAINT "payments_refunded_status_check" CHECK (("projects"."payments"."status" = 'refunded') = ("projects"."payments"."refunded_amount" = "projects"."payments"."amount")),
	CONSTRAINT "payments_refund_needs_capture_check" CHECK ("projects"."payments"."refunded_amount" = 0 or "projects"."payments"."status" in ('succeeded', 'refunded')),
	CONSTRAINT "payments_receipt_check" CHECK (("projects"."payments"."status" in ('succeeded', 'refunded')) = ("projects"."payments"."receipt_number" is not null))
);
--> statement-breakpoint
CREATE TABLE "projects"."processed_webhooks" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects"."receipt_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects"."refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"failure_reason" text,
	"requested_by" uuid,
	"idempotency_key" text,
	"request_digest" text,
	"gateway_key" text,
	"gateway_refund_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_gateway_key_unique" UNIQUE("gateway_key"),
	CONSTRAINT "refunds_gateway_refund_id_unique" UNIQUE("gateway_refund_id"),
	CONSTRAINT "refunds_status_check" CHECK ("projects"."refunds"."status" in ('pending', 'succeeded', 'failed')),
	CONSTRAINT "refunds_amount_check" CHECK ("projects"."refunds"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "projects"."payments" ADD CONSTRAINT "payments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects"."refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "projects"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_active_per_project_idx" ON "projects"."payments" USING btree ("project_id") WHERE status in ('pending', 'processing', 'unknown');--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key_idx" ON "projects"."payments" USING btree ("payer_id","idempotency_key") WHERE "projects"."payments"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "payments_project_keyset_idx" ON "projects"."payments" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_keyset_idx" ON "projects"."payments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_status_keyset_idx" ON "projects"."payments" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_reconcile_idx" ON "projects"."payments" USING btree ("updated_at") WHERE status in ('pending', 'processing', 'unknown');--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_idempotency_key_idx" ON "projects"."refunds" USING btree ("requested_by","idempotency_key") WHERE "projects"."refunds"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "projects"."refunds" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "projects"."refunds" USING btree ("updated_at") WHERE "projects"."refunds"."status" = 'pending';