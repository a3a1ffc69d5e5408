/**
 * The test run's environment, read in this one place: where the real servers are (TEST_PG_URL,
 * TEST_REDIS_URL, TEST_AMQP_HOST) and what child platforms inherit.
 */
export const testEnv: Readonly<Record<string, string | undefined>> = process.env;
