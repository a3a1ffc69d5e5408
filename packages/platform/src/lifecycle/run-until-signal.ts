/**
 * Keeps a process alive until SIGINT/SIGTERM, then runs `stop` once and exits: 0 when it finished,
 * 1 when it failed. A second signal exits at once (an operator who presses Ctrl-C twice means it).
 */
export function runUntilSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.error(`${signal} received: stopping`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
