import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The security courses a person holds and when each expires, until training records exist; and,
/// for those who keep the records, whether the person is a senior official.
struct TrainingSection {
    var person: Personnel
    var mayFlagSenior: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .section(
            .class("narrow"), .id("training"), .h2(.text(t("travel.training_title"))),
            .p(.class("hint"), .text(t("travel.training_hint"))),
            postForm(
                AppPath.personnelTraining(person.id!).path, csrf: csrf, FormField.summary(form),
                .forEach(SecurityCourse.allCases) { c in
                    FormField.text(
                        "\(c.rawValue)_expires", t("travel.course_expires", t("travel.course.\(c.rawValue)")), form,
                        type: .date)
                },
                .if(mayFlagSenior, FormField.checkbox("senior_official", t("travel.field.senior_official"), form)),
                FormField.submit(t("common.save"))))
    }
}
