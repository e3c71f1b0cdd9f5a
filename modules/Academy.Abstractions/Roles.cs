namespace Academy;

/// The roles of Academy. A person may hold several; CCIO and TrustLead are scoped to the person's trust.
public static class Roles
{
    public const string Learner = "Learner";
    public const string Ccio = "CCIO";
    public const string TrustLead = "TrustLead";
    public const string NationalReviewer = "NationalReviewer";
    public const string Administrator = "Administrator";
    /// Writes and publishes Digital Academy courses, without the rest of an administrator's powers.
    public const string CourseAuthor = "CourseAuthor";

    public static readonly IReadOnlyList<string> All = [Learner, Ccio, TrustLead, NationalReviewer, CourseAuthor, Administrator];

    public static string DisplayName(string role) => role switch
    {
        Ccio => "Chief clinical information officer (CCIO)",
        TrustLead => "Trust programme lead",
        NationalReviewer => "National reviewer",
        CourseAuthor => "Course author",
        _ => role,
    };
}

/// Authorisation policy names shared by every module.
public static class Policies
{
    public const string Administrator = "Academy.Administrator";
    public const string NationalReviewer = "Academy.NationalReviewer";
    public const string TrustLead = "Academy.TrustLead";
    public const string Ccio = "Academy.Ccio";
    public const string SignedIn = "Academy.SignedIn";
}

/// Claims Academy adds to a signed-in person.
public static class AcademyClaims
{
    /// The ODS code of the trust the person belongs to, if any.
    public const string Trust = "academy:trust";
    public const string DisplayName = "academy:name";
}
