import Logging
import ResilienceApp
import Vapor

// Help, and a command without what it needs, are answered before anything opens a database.
if let usage = Usage.check(Array(CommandLine.arguments.dropFirst())) {
    print(usage.text)
    exit(usage.status)
}
var env = try Environment.detect()
try LoggingSystem.bootstrap(from: &env)
// `--demo` is ours, not Vapor's: take it out before Vapor reads the arguments.
let demo = env.arguments.contains("--demo")
env.arguments.removeAll { $0 == "--demo" }
let app = try await Application.make(env)
do {
    try await start(app, demo: demo)
    try await app.execute()
} catch {
    app.logger.critical("\(error)")
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
