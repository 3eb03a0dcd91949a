/** A small logger for the main process: one line per message on stderr, stacks included. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createConsoleLogger(
  stream: { write(line: string): unknown } = process.stderr,
): Logger {
  const write = (level: string, message: string) =>
    stream.write(`${new Date().toISOString()} ${level} ${message}\n`);
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) =>
      write(
        'error',
        error instanceof Error ? `${message}\n${error.stack ?? error.message}` : message,
      ),
  };
}

/** For tests that want quiet output but can still read what was logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message, error) =>
      lines.push(`error ${message}${error instanceof Error ? `\n${error.stack}` : ''}`),
  };
}
