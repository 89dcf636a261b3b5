/// Which plural form a count takes in a language: CLDR's categories (zero, one, two, few, many,
/// other) for whole numbers, by the language's primary subtag. A language not listed has only
/// "other", as Chinese, Japanese and Korean do.
enum PluralRule {
    static func category(of n: Int, in language: String) -> String {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
        let n = abs(n)
        let mod10 = n % 10, mod100 = n % 100
        switch primary {
        case "en", "de", "nl", "sv", "it", "es", "pt", "sw":
            return n == 1 ? "one" : "other"
        case "fr":
            return n == 0 || n == 1 ? "one" : (n != 0 && n % 1_000_000 == 0 ? "many" : "other")
        case "ru", "uk":
            if mod10 == 1 && mod100 != 11 { return "one" }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return "few" }
            return "many"
        case "ar":
            switch n {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            default:
                if (3...10).contains(mod100) { return "few" }
                if (11...99).contains(mod100) { return "many" }
                return "other"
            }
        default:
            return "other"
        }
    }
}
