import Logging
import ResilienceApp
import Vapor

#if os(Linux)
    @_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    let arenaMax: Int32 = -8  // M_ARENA_MAX in glibc's malloc.h
    // Two malloc arenas, not eight per core: the threads of the event loops, the blocking pool
    // and the tasks each took an arena of their own and kept what they freed (the server's
    // memory after the benchmark: 382 MB on SQLite, 479 MB on PostgreSQL, with a 64 MB cache).
    _ = mallopt(arenaMax, 2)
#endif

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
