using Academy.Xapi.Contracts;
using Verbs = Academy.Learning.Packages.Cmi5Iris.Verbs;

namespace Academy.Learning.Packages;

/// When a unit's moveOn criterion is met (cmi5 section 13.1.4, moveOn), from the stored statements about it (voided
/// ones never reach here): the one rule that both progress and the satisfied statements use. A waiver meets any
/// criterion; NotApplicable is met from the start of the registration.
public static class MoveOnRules
{
    /// The statement whose arrival met the criterion (for NotApplicable: <paramref name="registrationStart"/>), or null.
    public static FeedStatement? MetBy(MoveOn moveOn, IReadOnlyList<FeedStatement> aboutUnit, FeedStatement? registrationStart)
    {
        var waived = aboutUnit.FirstOrDefault(s => s.VerbId == Verbs.Waived);
        var completed = aboutUnit.FirstOrDefault(s => s.VerbId == Verbs.Completed);
        var passed = aboutUnit.FirstOrDefault(s => s.VerbId == Verbs.Passed);
        var met = moveOn switch
        {
            MoveOn.Completed => completed,
            MoveOn.Passed => passed,
            MoveOn.CompletedAndPassed => completed is null || passed is null ? null : completed.Position > passed.Position ? completed : passed,
            MoveOn.CompletedOrPassed => completed is null ? passed : passed is null ? completed : completed.Position < passed.Position ? completed : passed,
            _ => registrationStart,
        };
        return waived is not null && (met is null || waived.Position < met.Position) ? waived : met;
    }

    public static bool IsMet(MoveOn moveOn, IReadOnlyList<FeedStatement> aboutUnit) =>
        moveOn == MoveOn.NotApplicable || MetBy(moveOn, aboutUnit, registrationStart: null) is not null;
}
