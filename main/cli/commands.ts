// The CLI's command table (Node). A command parses its own arguments and returns the exit code.

export interface CliIo { out: NodeJS.WritableStream; err: NodeJS.WritableStream }
export interface CliCommand {
  name: string;
  /** One line of usage, e.g. `outline <文件> [--json]`. */
  synopsis: string;
  /** What it does, in Chinese. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Registered commands, in the order usage lists them. Later modules push theirs here via registerCommand. */
export const COMMANDS: CliCommand[] = [];

export function registerCommand(command: CliCommand): void {
  COMMANDS.push(command);
}

export function usage(): string {
  const lines = [
    '法治年报助手 命令行',
    '',
    '用法：npm run --silent cli -- <命令> [参数…]',
    '',
    '命令：',
    ...COMMANDS.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]),
    '',
    '退出码：0 成功；1 检查发现错误；2 参数有误或文件无法读取。',
    '',
  ];
  return lines.join('\n');
}
