import { type Argument, Command, type ErrorOptions, Help, type Option } from 'commander';

/**
 * commander speaks English ("Usage:", "error: unknown option"); the people running this CLI read Vietnamese.
 * Help is translated through commander's Help hooks; errors are rewritten from commander's error codes (the
 * English text is only parsed for the names it quotes, and passed through if its shape ever changes). Usage
 * errors exit with 2, as command-line tools do, so scripts can tell them from a failed run (1).
 */
export const USAGE_EXIT_CODE = 2;

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tùy chọn chung:',
};

const localUsage = (usage: string) => usage.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');

function extras(item: Option | Argument, showDefault: boolean): string[] {
  const out: string[] = [];
  if (item.argChoices) out.push(`chọn một trong: ${item.argChoices.join(', ')}`);
  if (showDefault && item.defaultValue !== undefined)
    out.push(`mặc định: ${item.defaultValueDescription ?? JSON.stringify(item.defaultValue)}`);
  return out;
}

const withExtras = (description: string, more: string[]) =>
  more.length === 0 ? description : `${description} (${more.join('; ')})`.trim();

class VietnameseHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }
  override commandUsage(cmd: Command): string {
    return localUsage(super.commandUsage(cmd));
  }
  override subcommandTerm(cmd: Command): string {
    return localUsage(super.subcommandTerm(cmd));
  }
  override optionDescription(option: Option): string {
    // As commander does: a default is worth showing for an option that takes a value.
    const show = option.required || option.optional;
    return withExtras(option.description, extras(option, show));
  }
  override argumentDescription(argument: Argument): string {
    return withExtras(argument.description, extras(argument, true));
  }
}

const quoted = (message: string): string[] => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');

/** commander's message for an error code, in Vietnamese; unknown codes keep their text after "Lỗi:". */
export function toVietnameseError(message: string, code: string | undefined): string {
  const [first = '', second = ''] = quoted(message);
  const didYouMean = /\(Did you mean (.+)\?\)/.exec(message)?.[1];
  const hint = didYouMean ? ` Có phải ý bạn là ${didYouMean}?` : '';
  switch (code) {
    case 'commander.unknownOption':
      return `Lỗi: không có tùy chọn ${first}.${hint}`;
    case 'commander.unknownCommand':
      return `Lỗi: không có lệnh “${first}”.${hint}`;
    case 'commander.missingArgument':
      return `Lỗi: thiếu tham số bắt buộc <${first}>.`;
    case 'commander.optionMissingArgument':
      return `Lỗi: tùy chọn ${first} cần một giá trị.`;
    case 'commander.missingMandatoryOptionValue':
      return `Lỗi: thiếu tùy chọn bắt buộc ${first}.`;
    case 'commander.conflictingOption':
      return `Lỗi: không dùng ${first} cùng với ${second}.`;
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(message);
      const where = /for '([^']*)'/.exec(message)?.[1];
      return `Lỗi: thừa tham số${where ? ` cho lệnh “${where}”` : ''} (cần ${counts?.[1] ?? '?'}, nhận ${counts?.[2] ?? '?'}).`;
    }
    case 'commander.invalidArgument': {
      // "option '--role <role>' argument 'x' is invalid. <reason>" or "command-argument value 'x' is invalid for
      // argument 'role'. <reason>"; the reason is commander's for choices, else our own (already Vietnamese).
      const isOption = message.startsWith('error: option');
      const [what, value] = isOption ? [first, second] : [`<${second}>`, first];
      const reason = message.replace(/^.*? is invalid(?: for argument '[^']*')?\.\s*/s, '');
      const choices = /^Allowed choices are (.*)\.$/.exec(reason)?.[1];
      const why = choices ? `Chỉ được chọn: ${choices}.` : reason;
      return `Lỗi: giá trị “${value}” của ${what} không hợp lệ. ${why}`.trim();
    }
    default:
      return message.replace(/^error: /, 'Lỗi: ');
  }
}

/** A commander Command whose subcommands, help and errors are all Vietnamese. */
export class VietnameseCommand extends Command {
  override createCommand(name?: string): Command {
    return new VietnameseCommand(name);
  }
  override createHelp(): Help {
    return Object.assign(new VietnameseHelp(), this.configureHelp());
  }
  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(toVietnameseError(message, errorOptions?.code), {
      ...errorOptions,
      exitCode: USAGE_EXIT_CODE,
    });
  }
}

/** The program: Vietnamese help option and help command, errors thrown to the caller instead of exiting. */
export function createVietnameseProgram(name: string, description: string): Command {
  return new VietnameseCommand(name)
    .description(description)
    .helpOption('-h, --help', 'xem hướng dẫn')
    .helpCommand('help [lệnh]', 'xem hướng dẫn của một lệnh')
    .showHelpAfterError('(Thêm --help sau lệnh để xem cách dùng.)')
    .exitOverride();
}
