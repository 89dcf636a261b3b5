/// The access profiles (访问配置文件) of DOMAIN.md. A role is granted on a unit and holds for its
/// whole subtree.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case administrator
    case hqOversight = "hq_oversight"
    case regionalReviewer = "regional_reviewer"
    case focalPoint = "focal_point"
    case contributor
    case seniorManager = "senior_manager"
    case securityOfficer = "security_officer"
    /// 区域业务司: held on a region; approves its countries' security levels and risk assessments.
    case regionalSecurityDesk = "regional_security_desk"
    /// Held on a unit by its human resources staff: keeps the personnel records of the unit.
    case personnelFocalPoint = "personnel_focal_point"
    case staffMember = "staff_member"

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
