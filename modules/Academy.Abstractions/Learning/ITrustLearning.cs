namespace Academy.Learning;

/// A trust's workforce digital skills as the Digital Academy knows them, for other modules (the exemplar
/// tracker shows them beside a trust's programme). Read-only; counts are worked out in the database.
public interface ITrustLearning
{
    /// The figures for one trust (by ODS code), for the courses the exemplar programme counts.
    Task<TrustLearningSummary> ForTrustAsync(string trustOdsCode, CancellationToken cancellationToken = default);

    /// The same figures for several trusts at once (the portfolio), keyed by ODS code; every code asked for is present.
    Task<IReadOnlyDictionary<string, TrustLearningSummary>> ForTrustsAsync(IReadOnlyCollection<string> trustOdsCodes, CancellationToken cancellationToken = default);
}

/// People are the trust's staff with at least one live enrolment on a counted course; Enrolled, Completed
/// and Overdue count enrolments (a person on three courses counts three times), as a CCIO's dashboard does.
public sealed record TrustLearningSummary(
    string TrustOdsCode, int People, int Enrolled, int Completed, int Overdue, IReadOnlyList<TrustCourseLearning> Courses);

/// One course's figures within a trust.
public sealed record TrustCourseLearning(string CourseSlug, string CourseTitle, int Enrolled, int Completed, int Overdue);
