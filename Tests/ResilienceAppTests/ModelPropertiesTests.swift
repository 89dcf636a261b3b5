import Fluent
import Testing

@testable import ResilienceApp

/// Each model lists its properties by hand for speed; a property missing from the list would
/// silently never be loaded or saved. This holds every list to what reflection finds.
@Suite struct ModelPropertiesTests {
    private func check<M: Model>(_ modelType: M.Type) {
        let model = M()
        let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
        let listed = model.properties
        #expect(listed.count == reflected.count, "\(M.self) lists \(listed.count) properties, has \(reflected.count)")
        for property in reflected {
            #expect(
                listed.contains { ($0 as AnyObject) === (property as AnyObject) },
                "\(M.self) does not list \(type(of: property))")
        }
    }

    @Test func everyModelListsEveryPropertyItHas() {
        check(ResilienceApp.Unit.self)
        check(DutyStation.self)
        check(User.self)
        check(RoleGrant.self)
        check(APIToken.self)
        check(AuditEntry.self)
        check(SignInAttempt.self)
        check(UserSession.self)
        check(Plan.self)
        check(PlanVersion.self)
        check(Setting.self)
        check(Activation.self)
        check(ActivationEntry.self)
        check(InboxItem.self)
        check(Risk.self)
        check(RiskRegister.self)
        check(RiskLink.self)
        check(HeldPost.self)
    }
}
