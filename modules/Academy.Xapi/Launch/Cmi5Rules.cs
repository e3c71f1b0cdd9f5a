using System.Text.Json.Nodes;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Launch;

/// cmi5 section 9's rules for the statements an AU sends with its session's launch credential. The LMS SHOULD reject
/// what conflicts with them (6.0), and Academy does: a batch with any such statement is refused whole, 403 with the
/// reason, before anything is stored. What is checked, in order, for each statement of the batch:
/// - no voiding (6.0: the AU's credential may not void);
/// - the session id extension is this session's (7.2.1, 10: the context template);
/// - nothing after terminated once its grace period has passed (9.3.8: within it, what the AU sent at the same moment
///   still counts; terminated itself only once), and initialized first (9.3.2), once;
/// - a cmi5 defined statement (cmi5 category) uses a cmi5 AU verb (initialized, completed, passed, failed,
///   terminated) about this AU (9.4.2); in Browse and Review modes only initialized and terminated (10, launchMode);
/// - completed once per registration, with result.completion true and the moveOn category (9.3.3, 9.5.3, 9.6.2);
/// - passed or failed at most one per session; passed once per registration and never below the mastery score;
///   failed never at or above it nor after a pass (9.3.4, 9.3.5, 9.5.1, 9.5.2).
/// The session's progress (initialized, terminated, judged) is kept on the credential, advanced only if no other
/// request of the session advanced it first.
internal static class Cmi5Rules
{
    private const string Rule = "cmi5 section 9";
    private const string CategoryCmi5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    private const string CategoryMoveOn = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    private const string SessionExtension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    private const string Adl = "http://adlnet.gov/expapi/verbs/";
    private const string Initialized = Adl + "initialized", Completed = Adl + "completed", Passed = Adl + "passed", Failed = Adl + "failed", Terminated = Adl + "terminated";
    private static readonly string[] AuVerbs = [Initialized, Completed, Passed, Failed, Terminated];

    [Flags]
    public enum State { None = 0, Initialized = 1, Terminated = 2, Judged = 4 }

    public static async Task CheckAsync(XapiCaller caller, IReadOnlyList<PreparedStatement> statements, XapiDbContext db, TimeSpan terminatedGrace, DateTimeOffset now)
    {
        if (caller.Launch is not { Cmi5: { } session } launch) return;
        var state = (State)launch.Cmi5State;
        var before = state;
        var normal = session.LaunchMode == "Normal";
        var completedInBatch = false;
        var passedInBatch = false;
        for (var i = 0; i < statements.Count; i++)
        {
            var json = statements[i].Json;
            var path = statements.Count == 1 ? "statement" : $"statements[{i}]";
            if (statements[i].Voids is not null) throw Forbidden("An AU's credential may not void statements (cmi5 6.0).", $"{path}.verb");
            var verb = json["verb"]?["id"]?.GetValue<string>() ?? "";
            var sessionId = json["context"]?["extensions"]?[SessionExtension] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (sessionId != session.SessionId)
                throw Forbidden($"Every statement of this AU session carries the session id {session.SessionId} in context.extensions (cmi5 7.2.1).", $"{path}.context.extensions");
            if (state.HasFlag(State.Terminated) && (launch.Cmi5TerminatedAt is not { } terminatedAt || now >= terminatedAt + terminatedGrace))
                throw Forbidden("This AU session has terminated and its grace period is over: it records nothing more (cmi5 9.3.8).", $"{path}.verb");
            var defined = Categories(json).Contains(CategoryCmi5);
            if (!state.HasFlag(State.Initialized) && !(defined && verb == Initialized))
                throw Forbidden("The first statement of an AU session is a cmi5 initialized statement (cmi5 9.3.2).", $"{path}.verb");
            if (!defined) continue;

            if (!AuVerbs.Contains(verb)) throw Forbidden($"An AU does not send cmi5 defined statements with the verb {verb} (cmi5 9.3).", $"{path}.verb.id");
            if (json["object"]?["id"]?.GetValue<string>() != session.AuActivityId)
                throw Forbidden($"A cmi5 defined statement of this session is about the AU {session.AuActivityId} (cmi5 9.4.2).", $"{path}.object.id");
            if (!normal && verb is Completed or Passed or Failed)
                throw Forbidden($"In {session.LaunchMode} mode an AU records only initialized and terminated (cmi5 10, launchMode).", $"{path}.verb.id");
            var result = json["result"];
            switch (verb)
            {
                case Initialized:
                    if (state.HasFlag(State.Initialized)) throw Forbidden("This AU session has already initialized (cmi5 9.3.2).", $"{path}.verb.id");
                    state |= State.Initialized;
                    break;
                case Completed:
                    if (completedInBatch || await HasAsync(db, launch.Registration, Completed, session.AuActivityId))
                        throw Forbidden("The AU has already completed in this registration (cmi5 9.3.3).", $"{path}.verb.id");
                    if (result?["completion"] is not JsonValue c || !c.TryGetValue<bool>(out var done) || !done)
                        throw Forbidden("A completed statement has result.completion true (cmi5 9.5.3).", $"{path}.result.completion");
                    RequireMoveOn(json, path);
                    completedInBatch = true;
                    break;
                case Passed:
                case Failed:
                    if (state.HasFlag(State.Judged)) throw Forbidden("An AU session sends at most one passed or failed (cmi5 9.3).", $"{path}.verb.id");
                    var alreadyPassed = passedInBatch || await HasAsync(db, launch.Registration, Passed, session.AuActivityId);
                    var scaled = result?["score"]?["scaled"] is JsonValue sv && sv.TryGetValue<decimal>(out var d) ? d : (decimal?)null;
                    var success = result?["success"] is JsonValue ok && ok.TryGetValue<bool>(out var b) ? b : (bool?)null;
                    if (verb == Passed)
                    {
                        if (alreadyPassed) throw Forbidden("The AU has already passed in this registration (cmi5 9.3.4).", $"{path}.verb.id");
                        if (scaled is { } score && session.MasteryScore is { } mastery && score < mastery)
                            throw Forbidden($"A passed statement's scaled score ({score}) is below the mastery score {mastery} (cmi5 9.3.4).", $"{path}.result.score.scaled");
                        if (success != true) throw Forbidden("A passed statement has result.success true (cmi5 9.5.2).", $"{path}.result.success");
                        passedInBatch = true;
                    }
                    else
                    {
                        if (alreadyPassed) throw Forbidden("A failed statement cannot follow a passed one (cmi5 9.3.5).", $"{path}.verb.id");
                        if (scaled is { } score && session.MasteryScore is { } mastery && score >= mastery)
                            throw Forbidden($"A failed statement's scaled score ({score}) is not below the mastery score {mastery} (cmi5 9.3.5).", $"{path}.result.score.scaled");
                        if (success != false) throw Forbidden("A failed statement has result.success false (cmi5 9.5.2).", $"{path}.result.success");
                    }
                    RequireMoveOn(json, path);
                    state |= State.Judged;
                    break;
                case Terminated:
                    if (state.HasFlag(State.Terminated)) throw Forbidden("This AU session has already terminated (cmi5 9.3).", $"{path}.verb.id");
                    state |= State.Terminated;
                    break;
            }
        }
        if (state == before) return;
        DateTimeOffset? terminatedStamp = state.HasFlag(State.Terminated) ? now : null;
        var moved = await db.Credentials.Where(c => c.Id == caller.CredentialId && c.Cmi5State == (int)before)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Cmi5State, (int)state)
                .SetProperty(c => c.Cmi5TerminatedAt, c => c.Cmi5TerminatedAt ?? terminatedStamp));
        if (moved == 0) throw Forbidden("Another request of this AU session changed its state at the same time: send the statement again.", null);
    }

    private static void RequireMoveOn(JsonObject json, string path)
    {
        if (!Categories(json).Contains(CategoryMoveOn))
            throw Forbidden("A statement whose result has success or completion carries the moveOn category (cmi5 9.6.2).", $"{path}.context.contextActivities.category");
    }

    private static HashSet<string> Categories(JsonObject json) =>
        (json["context"]?["contextActivities"]?["category"] switch
        {
            JsonArray array => array.Select(a => a?["id"]?.GetValue<string>()),
            JsonObject one => [one["id"]?.GetValue<string>()],
            _ => [],
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// Whether the registration already holds a statement (neither voided nor voiding) with this verb about this activity.
    private static Task<bool> HasAsync(XapiDbContext db, Guid registration, string verb, string activity)
    {
        var r = StatementShape.Hash(registration.ToString("D"));
        var v = StatementShape.Hash(verb);
        var a = StatementShape.Hash(activity);
        return db.Statements.AnyAsync(s => !s.Voided && !s.IsVoiding
            && db.StatementKeys.Any(k => k.Sequence == s.Sequence && k.Kind == StatementKeyKind.Registration && k.Hash == r)
            && db.StatementKeys.Any(k => k.Sequence == s.Sequence && k.Kind == StatementKeyKind.Verb && k.Hash == v)
            && db.StatementKeys.Any(k => k.Sequence == s.Sequence && k.Kind == StatementKeyKind.Activity && k.Hash == a));
    }

    private static XapiException Forbidden(string message, string? property) => new(message, property, Rule, StatusCodes.Status403Forbidden);
}
