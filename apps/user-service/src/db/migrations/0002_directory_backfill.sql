-- Profiles created before the directory existed get their directory row with the defaults every new
-- account starts with; later auth events (suspension, roles) correct them where they differ.
INSERT INTO "users"."directory" ("user_id", "created_at")
SELECT "user_id", "created_at" FROM "users"."profiles"
ON CONFLICT ("user_id") DO NOTHING;
