/**
 * Which user-switching commands hand the caller's environment on to the
 * program they start, as Linux's `su`, `runuser`, `sudo`, `login` and
 * `env -i` do (su(1), runuser(1), sudo(8) with its default `env_reset`):
 * `su -`/`su -l`/`--login`, `runuser -l`, `login`, `sudo` (unless it
 * preserves the environment), `sudo -i` and `env -i` start from a fresh
 * environment, so a variable set only in the container's main process
 * (ECS's AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) is lost; `su user` without
 * `-`, `runuser -u` and `sudo -E` keep it. Pure: it reads the command text.
 */

/** The first switch in a command that starts a fresh environment, if any. */
export interface EnvironmentReset {
  /** The words that do it, e.g. `su - app`. */
  readonly command: string;
}

/**
 * Finds where `commandLine` (a container's EntryPoint and Command joined, or
 * a shell string) drops `variable` from the environment.
 *
 * @example
 * environmentReset('sh -c "su - app -c node /srv/app.js"', "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
 * // { command: "su - app" }
 * environmentReset("runuser -u app -- node app.js", "X"); // undefined
 */
export function environmentReset(
  commandLine: string,
  variable: string,
): EnvironmentReset | undefined {
  const words = commandLine.split(/[\s;&|()'"`]+/).filter((w) => w !== "");
  for (let i = 0; i < words.length; i++) {
    const word = basename(words[i] ?? "");
    const rest = words.slice(i + 1);
    const found = resetAt(word, rest, variable);
    if (found !== undefined) return { command: [words[i], ...found].join(" ") };
  }
  return undefined;
}

function resetAt(word: string, rest: readonly string[], variable: string): string[] | undefined {
  switch (word) {
    case "su":
    case "runuser": {
      const options = leadingOptions(rest);
      const login = options.some((o) => o === "-" || o === "-l" || o === "--login");
      return login ? withTarget(rest, options.length) : undefined;
    }
    case "login":
      return withTarget(rest, leadingOptions(rest).length);
    case "sudo": {
      const options = leadingOptions(rest);
      const preserves = options.some(
        (o) =>
          o === "-E" ||
          o === "--preserve-env" ||
          (o.startsWith("--preserve-env=") && o.slice(15).split(",").includes(variable)),
      );
      const loginShell = options.includes("-i") || options.includes("--login");
      return !preserves || loginShell ? options.slice() : undefined;
    }
    case "env":
      return rest[0] === "-i" || rest[0] === "--ignore-environment" ? [rest[0]] : undefined;
    default:
      return undefined;
  }
}

/** The options before the first operand (`-c` takes the next word). */
function leadingOptions(words: readonly string[]): string[] {
  const options: string[] = [];
  for (const word of words) {
    if (!word.startsWith("-")) break;
    options.push(word);
  }
  return options;
}

function withTarget(rest: readonly string[], optionCount: number): string[] {
  const target = rest[optionCount];
  return target === undefined || target.startsWith("-")
    ? rest.slice(0, optionCount)
    : [...rest.slice(0, optionCount), target];
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf("/") + 1);
}
