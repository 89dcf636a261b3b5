/// Every way the domain can refuse an input, with a stable code. The catalogue has a message for
/// each, under `problem.<code>`, in every language; a test holds it to that.
public enum Problem: String, CaseIterable, Sendable, Codable {
    case required
    case tooLong = "too_long"
    case tooShort = "too_short"
    case invalidCharacters = "invalid_characters"
    case notANumber = "not_a_number"
    case outOfRange = "out_of_range"
    case notFound = "not_found"
    /// Several units answer to what was typed: the message lists them with their codes.
    case ambiguousUnit = "ambiguous_unit"
    case taken
    case unitNeedsParent = "unit_needs_parent"
    case unitPlacementNotAllowed = "unit_placement_not_allowed"
    case unitMoveCycle = "unit_move_cycle"
    case unitParentRetired = "unit_parent_retired"
    case unitHasActiveChildren = "unit_has_active_children"
    case alreadyRetired = "already_retired"
    case retired
    case latitudeOutOfRange = "latitude_out_of_range"
    case longitudeOutOfRange = "longitude_out_of_range"
    case countryCode = "country_code"
    case passwordTooShort = "password_too_short"
    case passwordTooLong = "password_too_long"
    case passwordMismatch = "password_mismatch"
    case passwordSameAsUsername = "password_same_as_username"
    case wrongCurrentPassword = "wrong_current_password"
    case usernameFormat = "username_format"
    case emailFormat = "email_format"
    case unknownRole = "unknown_role"
    case unknownLanguage = "unknown_language"
    case grantExists = "grant_exists"
    case cannotRevokeOwnAdministrator = "cannot_revoke_own_administrator"
    case invalidChoice = "invalid_choice"
    case ratingOutOfRange = "rating_out_of_range"
    case dateOrder = "date_order"
    case cannotDeactivateSelf = "cannot_deactivate_self"
    case planExists = "plan_exists"
    case planNotDraft = "plan_not_draft"
    case planHasErrors = "plan_has_errors"
    case planChanged = "plan_changed"
    case importFormat = "import_format"
    case cycleOutOfRange = "cycle_out_of_range"
    case noApprovedPlan = "no_approved_plan"
    case dateFormat = "date_format"
    case dateInFuture = "date_in_future"
    /// When an event began cannot be later than now.
    case startInFuture = "start_in_future"
    /// A count or a quantity below its least (0): "must be 0 or more".
    case belowMinimum = "below_minimum"
    case aboveMaximum = "above_maximum"
    /// A duration that must be longer than nothing.
    case mustBePositive = "must_be_positive"
    case activationClosed = "activation_closed"
    case activationOpen = "activation_open"
    case noPlanToActivate = "no_plan_to_activate"
    case planLocked = "plan_locked"
    case reviewNotNow = "review_not_now"
    case unansweredFeedback = "unanswered_feedback"
    case unresolvedFeedback = "unresolved_feedback"
    case commentRequired = "comment_required"
    case feedbackNotNow = "feedback_not_now"
    case fieldNotOfItem = "field_not_of_item"
    case deadlinePassed = "deadline_passed"
    case noUnitsChosen = "no_units_chosen"
    case notARegion = "not_a_region"
    case matrixNotMonotone = "matrix_not_monotone"
    case csvMissingColumns = "csv_missing_columns"
    case csvTooManyRows = "csv_too_many_rows"
    case csvHasErrors = "csv_has_errors"
    case tooMany = "too_many"
    case kindCode = "kind_code"
    case ownWork = "own_work"
    case cannotGrantSelf = "cannot_grant_self"
    /// A level's next review later than HQ's interval for the level allows.
    case reviewAfterInterval = "review_after_interval"
    /// HQ's acceptable-risk table lets a higher risk be accepted by more programmes than a lower.
    case acceptableRiskOrder = "acceptable_risk_order"
    /// A duty station put in a security area of another country.
    case areaOfOtherCountry = "area_of_other_country"
    /// A compliance status for a measure the duty station is not required to meet.
    case measureNotRequired = "measure_not_required"
    /// A duty station's area named by a name no area of its country has.
    case unknownArea = "unknown_area"
    case reviewBeforeEffective = "review_before_effective"
    /// A move on a proposed level or assessment that its state does not allow.
    case securityNotNow = "security_not_now"
    case ownProposal = "own_proposal"
    case reasonRequired = "reason_required"
    case proposalOpen = "proposal_open"
    /// Measures reduce a risk: the rating after them is not above the rating before.
    case residualAboveInherent = "residual_above_inherent"
    case nothingAssessed = "nothing_assessed"
    /// A phone number not in the international form (+ country code, 8–15 digits).
    case phoneFormat = "phone_format"
    /// An index number another personnel record already carries.
    case indexNumberTaken = "index_number_taken"
    /// A roll-call's place: neither stations nor a point with a radius.
    case rollCallReach = "roll_call_reach"
    /// A move on a roll-call that is already closed.
    case rollCallClosed = "roll_call_closed"
    case legEndsBeforeStart = "leg_ends_before_start"
    case legsOutOfOrder = "legs_out_of_order"
    case legsOverlap = "legs_overlap"
    case noLegs = "no_legs"
    case flightFormat = "flight_format"
    case trainingNotValid = "training_not_valid"
    case advisoriesNotAcknowledged = "advisories_not_acknowledged"
    case ownRequest = "own_request"
    case requestNotOpen = "request_not_open"
    case legNotPending = "leg_not_pending"
    case aviationAdviceFirst = "aviation_advice_first"
    case flightApprovalFirst = "flight_approval_first"
    case protectionFirst = "protection_first"
    case notASeniorOfficial = "not_a_senior_official"
    case nothingToAdvise = "nothing_to_advise"
}

/// A refusal from the domain: what is wrong, with which field, and the values the message needs.
public struct DomainError: Error, Hashable, Sendable {
    public var problem: Problem
    public var field: String?
    public var args: [String]

    public init(_ problem: Problem, field: String? = nil, args: [String] = []) {
        self.problem = problem
        self.field = field
        self.args = args
    }
}

/// Several refusals at once, so that a form can show every wrong field in one pass.
public struct ValidationErrors: Error, Sendable {
    public var errors: [DomainError]
    public init(_ errors: [DomainError]) { self.errors = errors }

    /// The first refusal for a field, for showing beside it.
    public func first(for field: String) -> DomainError? { errors.first { $0.field == field } }
}
