/// What `resilience` can be asked to do, printed for `--help`, `help`, and a command without the
/// arguments it needs: before anything else runs, so that asking touches no database.
public enum Usage {
    struct Command {
        var name: String
        var arguments: [String]
        var summary: String
        var options: [(String, String)] = []
    }

    static let commands: [Command] = [
        Command(
            name: "serve", arguments: [], summary: "Starts the server (the default when no command is given).",
            options: [
                ("--demo", "on an empty database, load the demo organization first"),
                ("--hostname HOST", "the address to listen on (default 127.0.0.1)"),
                ("--port PORT", "the port to listen on (default 8080)"),
            ]),
        Command(name: "migrate", arguments: [], summary: "Brings the database's schema up to date."),
        Command(name: "seed", arguments: ["demo"], summary: "Loads the demo organization into an empty database."),
        Command(
            name: "generate", arguments: [],
            summary: "Generates a synthetic organization at UN scale (for benchmarks) into an empty database.",
            options: [
                ("--countries N", "country operations (default 150)"), ("--offices N", "offices (default 1000)"),
                ("--stations N", "duty stations (default 2000)"), ("--accounts N", "accounts (default 120000)"),
            ]),
        Command(
            name: "token", arguments: ["create", "USERNAME"],
            summary: "Creates an API token for an account and prints it.",
            options: [("--name NAME", "a name to recognise the token by (default: command line)")]),
        Command(
            name: "backup", arguments: ["FILE"], summary: "Writes a backup of the database to FILE (must not exist)."),
        Command(name: "restore", arguments: ["FILE"], summary: "Restores a backup written by `resilience backup`."),
        Command(name: "routes", arguments: [], summary: "Lists the server's routes."),
    ]

    /// Options followed by a value (ours and Vapor's own).
    static let valueOptions: Set<String> = [
        "--hostname", "-H", "--port", "-p", "--bind", "-b", "--unix-socket", "--env", "-e", "--log", "--name",
        "--countries", "--offices", "--stations", "--accounts",
    ]

    static let environment: [(String, String)] = [
        ("DATABASE_URL", "sqlite://PATH (default: resilience.sqlite here) or postgres://USER:PASS@HOST/DB"),
        ("RESILIENCE_KEPT_MB", "the budget of kept pages, in megabytes (default 64)"),
    ]

    /// The whole text, or one command's.
    static func text(_ only: Command? = nil) -> String {
        var lines = ["Resilience — business continuity and security management.", ""]
        let shown = only.map { [$0] } ?? commands
        lines.append("Usage: resilience [COMMAND] [ARGUMENTS] [OPTIONS]")
        lines.append("")
        lines.append(only == nil ? "Commands:" : "Command:")
        for command in shown {
            lines.append("  " + ([command.name] + command.arguments).joined(separator: " "))
            lines.append("      " + command.summary)
            for (option, help) in command.options { lines.append("      \(option)  \(help)") }
        }
        if only == nil {
            lines.append("")
            lines.append("Environment:")
            for (name, help) in environment { lines.append("  \(name)  \(help)") }
            lines.append("")
            lines.append("resilience COMMAND --help shows one command.")
        }
        return lines.joined(separator: "\n")
    }

    /// When the arguments (without the program's name) ask for help, or name a command without the
    /// arguments it needs: what to print and the exit status. Nil: go on and run.
    public static func check(_ arguments: [String]) -> (text: String, status: Int32)? {
        // The words, without options and the values options take (`--port 8080`).
        var words: [String] = []
        var skip = false
        for argument in arguments {
            if skip { skip = false; continue }
            if argument.hasPrefix("-") { skip = valueOptions.contains(argument); continue }
            words.append(argument)
        }
        let asksHelp = arguments.contains("--help") || arguments.contains("-h")
        guard let name = words.first else { return asksHelp ? (text(), 0) : nil }
        if name == "help" {
            return (words.count > 1 ? commands.first { $0.name == words[1] }.map { text($0) } ?? text() : text(), 0)
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            return ("Unknown command “\(name)”.\n\n" + text(), 2)
        }
        if asksHelp { return (text(command), 0) }
        if words.count - 1 < command.arguments.count {
            let missing = command.arguments[(words.count - 1)...].joined(separator: " ")
            return ("Missing \(missing).\n\n" + text(command), 2)
        }
        return nil
    }
}
