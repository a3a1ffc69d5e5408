/** The slice of a pino logger the sandbox uses, so a platform logger can be passed straight in. */
export interface SandboxLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLogger: SandboxLogger = {
  info: () => undefined,
  warn: () => undefined,
};

/** One JSON line per event on stdout, matching the shape of the platform's pino output. */
export const jsonLineLogger: SandboxLogger = {
  info: (obj, msg) => writeLine('info', obj, msg),
  warn: (obj, msg) => writeLine('warn', obj, msg),
};

function writeLine(level: string, obj: object, msg?: string): void {
  const line = { level, time: new Date().toISOString(), service: 'payment-sandbox', ...obj, msg };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
