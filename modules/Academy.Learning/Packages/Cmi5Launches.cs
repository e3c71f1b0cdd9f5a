using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Web;
using Academy.Xapi.Contracts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Verbs = Academy.Learning.Packages.Cmi5Iris.Verbs;

namespace Academy.Learning.Packages;

/// Launching a package's unit as cmi5 section 8 and 10 require, in order: any session still open on the registration
/// is ended (abandoned, with its duration, and its credential revoked; or closed when it had terminated); a new session
/// id and a launch credential scoped to the learner and the registration; the LMS.LaunchData state document (and the
/// cmi5LearnerPreferences agent profile, when set); the launched statement; then the launch URL (endpoint, fetch, actor, registration, activityId, each URL-encoded and
/// merged with the unit's own query string). The fetch URL hands the credential out once.
public sealed class Cmi5Launches(
    LearningDbContext db, ILaunchCredentials credentials, ILaunchDocuments documents, IStatementWriter writer, IStatementFeed feed,
    LearningActivities activities, ISiteLinks links, IDataProtectionProvider protection, PackageSatisfactions satisfactions, PackageStore store,
    LearnerPreferences preferences, TimeProvider clock)
{
    public const string ProtectorPurpose = "Academy.Learning.Cmi5Session";
    public const string ContentPath = "/learning/packages/content/";
    public const string FetchPath = "/learning/packages/fetch/";

    public sealed record LaunchResult(string Url, Cmi5Session Session);

    /// The AU's activity id as Academy gives it to the unit: the lesson's, different from the publisher's and the same
    /// in every launch of the registration.
    public string ActivityId(Course course, Lesson lesson) => activities.Lesson(course.Slug, lesson.Slug);

    /// Where the unit's page is: inside its package, or at the publisher's absolute URL.
    public string UnitUrl(CoursePackage package, PackageAu au)
    {
        if (Uri.TryCreate(au.Url, UriKind.Absolute, out _) && !au.Url.StartsWith('/')) return au.Url;
        var url = links.To(ContentPath + package.Folder + "/" + au.Url);
        return store.ContentHost is { } host ? new UriBuilder(url) { Host = host }.Uri.AbsoluteUri : url;
    }

    public static bool InPackage(PackageAu au) => !(Uri.TryCreate(au.Url, UriKind.Absolute, out _) && !au.Url.StartsWith('/'));

    public async Task<LaunchResult> LaunchAsync(Enrolment enrolment, Course course, Lesson lesson, LaunchMode mode, CancellationToken cancellationToken)
    {
        var au = lesson.Unit ?? throw new InvalidOperationException("The lesson is not a package unit.");
        var package = au.Package ?? await db.CoursePackages.SingleAsync(p => p.Id == au.PackageId, cancellationToken);
        if (package.Format == PackageFormat.TinCan) return await LaunchTinCanAsync(enrolment, course, au, package, cancellationToken);
        await EndOpenSessionsAsync(enrolment, cancellationToken);

        var now = clock.GetUtcNow();
        var learner = XapiAgent.Learner(enrolment.UserId);
        var activityId = ActivityId(course, lesson);
        var sessionId = Guid.NewGuid();
        // The LRS holds the AU's statements to cmi5's session rules through this credential (Xapi's Launch/Cmi5Rules).
        var credential = await credentials.IssueAsync(new LaunchScope(learner, enrolment.Registration, activityId,
            new Cmi5SessionScope(sessionId.ToString(), activityId, au.MasteryScore, mode.ToString())), lifetime: null, cancellationToken);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new Cmi5Session
        {
            EnrolmentId = enrolment.Id, AuId = au.Id, SessionId = sessionId, LaunchMode = mode, FetchTokenHash = Hash(token),
            CredentialKey = credential.Key, ProtectedAuthorization = protection.CreateProtector(ProtectorPurpose).Protect(credential.AuthorizationHeader),
            LaunchedAt = now, ExpiresAt = credential.ExpiresAt,
        };

        var unitUrl = UnitUrl(package, au);
        var url = Merge(unitUrl, new Dictionary<string, string>
        {
            ["endpoint"] = links.To(XapiEndpoint.Path),
            ["fetch"] = links.To(FetchPath + token),
            ["actor"] = learner.ToJson().ToJsonString(),
            ["registration"] = enrolment.Registration.ToString("D"),
            ["activityId"] = activityId,
        });

        await documents.PutStateAsync(activityId, learner, enrolment.Registration, Cmi5Iris.LaunchDataStateId,
            LaunchData(au, session, links.ToPage("/Units/Unit", "Learning", new { slug = course.Slug, lessonSlug = lesson.Slug })), cancellationToken);
        // cmi5 11.0: the learner's preferences, when they set any (/learning/preferences), written again at every launch
        // so what the LMS holds wins over anything an AU wrote.
        if (await preferences.DocumentAsync(enrolment.UserId, cancellationToken) is { } preferred)
            await documents.PutAgentProfileAsync(learner, Cmi5Iris.LearnerPreferencesProfileId, preferred, cancellationToken);
        await writer.StoreAsync([Launched(enrolment, au, activityId, session, url, now)], cancellationToken);
        db.Cmi5Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await satisfactions.EvaluateAsync([enrolment.Id], cancellationToken);
        return new LaunchResult(url, session);
    }

    /// Tin Can launch (the "Tin Can launch" convention of the package's tincan.xml): endpoint, auth (the launch
    /// credential itself: Tin Can has no fetch URL), actor, registration and activity_id (the publisher's id, which the
    /// content's statements use and progress reads). No cmi5 session rules apply to a Tin Can credential.
    private async Task<LaunchResult> LaunchTinCanAsync(Enrolment enrolment, Course course, PackageAu au, CoursePackage package, CancellationToken cancellationToken)
    {
        var learner = XapiAgent.Learner(enrolment.UserId);
        var credential = await credentials.IssueAsync(new LaunchScope(learner, enrolment.Registration, activities.Course(course.Slug)), lifetime: null, cancellationToken);
        var session = new Cmi5Session
        {
            EnrolmentId = enrolment.Id, AuId = au.Id, SessionId = Guid.NewGuid(), LaunchMode = LaunchMode.Normal,
            FetchTokenHash = Hash(Guid.NewGuid().ToString("N")), FetchedAt = clock.GetUtcNow(), CredentialKey = credential.Key,
            ProtectedAuthorization = protection.CreateProtector(ProtectorPurpose).Protect(credential.AuthorizationHeader),
            LaunchedAt = clock.GetUtcNow(), ExpiresAt = credential.ExpiresAt,
        };
        db.Cmi5Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        var url = Merge(UnitUrl(package, au), new Dictionary<string, string>
        {
            ["endpoint"] = links.To(XapiEndpoint.Path),
            ["auth"] = credential.AuthorizationHeader,
            ["actor"] = learner.ToJson().ToJsonString(),
            ["registration"] = enrolment.Registration.ToString("D"),
            ["activity_id"] = au.TrackedActivityId ?? au.PublisherId,
        });
        return new LaunchResult(url, session);
    }

    /// The fetch URL's answer (spec 8.2): the credential once, as {"auth-token": ...}; then error 1 (already used, or the
    /// session is over); error 2 for a token Academy never issued.
    public async Task<JsonObject> FetchAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var session = await db.Cmi5Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.FetchTokenHash == hash, cancellationToken);
        if (session is null) return FetchError(2, "Academy did not issue this fetch URL.");
        var now = clock.GetUtcNow();
        if (session.EndedAt is not null || session.ExpiresAt <= now) return FetchError(1, "The AU session this fetch URL belongs to has ended.");
        // Conditional on FetchedAt still being empty, so two posts at once cannot both have the token.
        var claimed = await db.Cmi5Sessions.Where(s => s.Id == session.Id && s.FetchedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.FetchedAt, now), cancellationToken);
        if (claimed == 0) return FetchError(1, "The authorization token has already been returned.");
        var header = protection.CreateProtector(ProtectorPurpose).Unprotect(session.ProtectedAuthorization);
        return new JsonObject { ["auth-token"] = header["Basic ".Length..] };
    }

    public static JsonObject FetchError(int code, string text) =>
        new() { ["error-code"] = code.ToString(CultureInfo.InvariantCulture), ["error-text"] = text };

    /// Sessions of this registration still open when a new launch starts: one that sent terminated is closed; any other
    /// was abandoned (the learner closed the window, the browser crashed), and the LMS records that on its behalf
    /// (spec 9.3.6) with the time from launch to its last statement, and revokes its credential so nothing more is
    /// accepted for it.
    public async Task EndOpenSessionsAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        var open = await db.Cmi5Sessions.Include(s => s.Au).ThenInclude(a => a.Lesson).ThenInclude(l => l.Section).ThenInclude(s => s.Course)
            .Where(s => s.EnrolmentId == enrolment.Id && s.EndedAt == null).ToListAsync(cancellationToken);
        if (open.Count == 0) return;
        var statements = await feed.ForRegistrationAsync(enrolment.Registration, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var session in open)
        {
            var id = session.SessionId.ToString();
            var ofSession = statements.Where(s => SessionOf(s.Json) == id).ToList();
            session.EndedAt = now;
            await credentials.RevokeKeyAsync(session.CredentialKey, cancellationToken);
            if (ofSession.Any(s => s.VerbId is Verbs.Terminated or Verbs.Abandoned)) continue;
            var last = ofSession.Count > 0 ? ofSession.Max(s => s.Stored) : session.LaunchedAt;
            var course = session.Au.Lesson.Section.Course;
            await writer.StoreAsync([Abandoned(enrolment, session.Au, ActivityId(course, session.Au.Lesson), session, last - session.LaunchedAt, now)], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string? SessionOf(string json) =>
        JsonNode.Parse(json)?["context"]?["extensions"]?[Cmi5Iris.SessionId] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// LMS.LaunchData (spec 10): the context template carries the session id and the publisher's AU id as grouping.
    private static JsonObject LaunchData(PackageAu au, Cmi5Session session, string returnUrl)
    {
        var data = new JsonObject
        {
            ["contextTemplate"] = ContextTemplate(au, session.SessionId),
            ["launchMode"] = session.LaunchMode.ToString(),
            ["moveOn"] = au.MoveOn.ToString(),
            ["returnURL"] = returnUrl,
        };
        if (au.MasteryScore is { } mastery) data["masteryScore"] = mastery;
        if (au.LaunchParameters is { } parameters) data["launchParameters"] = parameters;
        if (au.EntitlementKey is { } key) data["entitlementKey"] = new JsonObject { ["courseStructure"] = key };
        return data;
    }

    private static JsonObject ContextTemplate(PackageAu au, Guid sessionId) => new()
    {
        ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["objectType"] = "Activity", ["id"] = au.PublisherId }) },
        ["extensions"] = new JsonObject { [Cmi5Iris.SessionId] = sessionId.ToString() },
    };

    /// A cmi5 defined statement the LMS makes about a unit: the context template, the registration and the cmi5 category.
    public static JsonObject UnitStatement(Enrolment enrolment, PackageAu au, string activityId, Guid sessionId, string verb, string display,
        DateTimeOffset at, JsonObject? result = null, JsonObject? extraExtensions = null, bool moveOn = false)
    {
        var context = ContextTemplate(au, sessionId);
        context["registration"] = enrolment.Registration.ToString("D");
        var categories = new JsonArray(new JsonObject { ["id"] = Cmi5Iris.CategoryCmi5 });
        if (moveOn) categories.Add(new JsonObject { ["id"] = Cmi5Iris.CategoryMoveOn });
        context["contextActivities"]!["category"] = categories;
        foreach (var (name, value) in extraExtensions ?? []) context["extensions"]![name] = value?.DeepClone();
        var statement = new JsonObject
        {
            ["actor"] = XapiAgent.Learner(enrolment.UserId).ToJson(),
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = display } },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activityId },
            ["context"] = context,
            ["timestamp"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (result is not null) statement["result"] = result;
        return statement;
    }

    /// launched (spec 9.3.1, 9.6.3): the launch mode, URL, moveOn, mastery score and launch parameters as context extensions.
    private static JsonObject Launched(Enrolment enrolment, PackageAu au, string activityId, Cmi5Session session, string url, DateTimeOffset at)
    {
        var extensions = new JsonObject
        {
            [Cmi5Iris.LaunchMode] = session.LaunchMode.ToString(),
            [Cmi5Iris.LaunchUrl] = url,
            [Cmi5Iris.MoveOn] = au.MoveOn.ToString(),
        };
        if (au.MasteryScore is { } mastery) extensions[Cmi5Iris.MasteryScore] = mastery;
        if (au.LaunchParameters is { } parameters) extensions[Cmi5Iris.LaunchParameters] = parameters;
        return UnitStatement(enrolment, au, activityId, session.SessionId, Verbs.Launched, "Launched", at, extraExtensions: extensions);
    }

    private static JsonObject Abandoned(Enrolment enrolment, PackageAu au, string activityId, Cmi5Session session, TimeSpan duration, DateTimeOffset at) =>
        UnitStatement(enrolment, au, activityId, session.SessionId, Verbs.Abandoned, "Abandoned", at,
            new JsonObject { ["duration"] = System.Xml.XmlConvert.ToString(TimeSpan.FromSeconds(Math.Round(Math.Max(0, duration.TotalSeconds), 2))) });

    /// The unit's URL with the launch parameters added to whatever query it already has (the import refused any that collide).
    public static string Merge(string url, IReadOnlyDictionary<string, string> parameters)
    {
        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? url[hash..] : "";
        var bare = hash >= 0 ? url[..hash] : url;
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
            query.Append(query.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        var separator = !bare.Contains('?') ? "?" : bare.EndsWith('?') || bare.EndsWith('&') ? "" : "&";
        return bare + separator + query + fragment;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
