using System.Net;

namespace Academy.Exemplars.Tests.Security;

/// Every page and endpoint of the module, for every kind of person. Expected answers:
/// Ok (200), Saved (redirect back into the tracker after a write), SignIn (redirect to sign-in), Denied (redirect to access denied: the role may not use the page),
/// NotFound (404: the role may, but not on another trust's record), Unauthorized/Forbidden (401/403: JSON API),
/// Conflict (409: the record's own lead, but the record is locked).
public sealed class AuthorisationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public enum Expect { Ok, Saved, SignIn, Denied, NotFound, Unauthorized, Forbidden, Conflict }

    private static readonly Who[] Everyone = Enum.GetValues<Who>();

    /// Pages that read trust A's records: its lead, its CCIO (issue 11 §7) and the national team; another trust's lead or CCIO gets 404.
    private static Expect ReadA(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.Learner => Expect.Denied,
        Who.LeadOfB or Who.CcioOfB => Expect.NotFound,
        _ => Expect.Ok,
    };

    /// Pages that change trust A's records: only its lead. Its CCIO reads them and changes nothing (404, as for a reviewer).
    private static Expect WriteA(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.Learner => Expect.Denied,
        Who.LeadOfA => Expect.Ok,
        _ => Expect.NotFound,
    };

    private static Expect Tracker(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.Learner => Expect.Denied,
        _ => Expect.Ok,
    };

    private static Expect National(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.Reviewer or Who.Administrator => Expect.Ok,
        _ => Expect.Denied,
    };

    private static Expect AdminOnly(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.Administrator => Expect.Ok,
        _ => Expect.Denied,
    };

    private static Expect SignedIn(Who who) => who == Who.Anonymous ? Expect.SignIn : Expect.Ok;

    private static Expect AnyLead(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.LeadOfA or Who.LeadOfB => Expect.Ok,
        _ => Expect.Denied,
    };

    /// A draft lesson is its trust lead's alone; everyone else signed in is told it does not exist.
    private static Expect DraftOfA(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.LeadOfA => Expect.Ok,
        _ => Expect.NotFound,
    };

    /// Lessons and blueprints are changed by trust leads only (other roles are denied), and only by the lead of the trust that wrote them.
    private static Expect ChangeDraftOfA(Who who) => who switch
    {
        Who.Anonymous => Expect.SignIn,
        Who.LeadOfA => Expect.Ok,
        Who.LeadOfB => Expect.NotFound,
        _ => Expect.Denied,
    };

    /// A published lesson or blueprint is locked, even for its own trust's lead.
    private static Expect ChangePublishedOfA(Who who) => ChangeDraftOfA(who) == Expect.Ok ? Expect.Conflict : ChangeDraftOfA(who);

    /// The JSON API answers 401/403 where pages redirect.
    private static Func<Who, Expect> Api(Func<Who, Expect> page) => who => page(who) switch
    {
        Expect.SignIn => Expect.Unauthorized,
        Expect.Denied => Expect.Forbidden,
        var same => same,
    };

    private static readonly (string Url, Func<Who, Expect> Rule)[] Pages =
    [
        ("/exemplars", Tracker),
        ("/exemplars/portfolio", National),
        ("/exemplars/portfolio?handler=Csv&table=portfolio", National),
        ("/exemplars/portfolio?handler=Csv&table=history", National),
        ("/exemplars/trusts/{A}", ReadA),
        ("/exemplars/trusts/{A}/audit", ReadA),
        ("/exemplars/participations/{participation}/edit", AdminOnly),
        ("/exemplars/participations/{participation}/instalments/new", AdminOnly),
        ("/exemplars/participations/{participation}/milestones/new", WriteA),
        ("/exemplars/participations/{participation}/claims/new", WriteA),
        ("/exemplars/milestones/{milestone}", ReadA),
        ("/exemplars/milestones/{milestone}/edit", WriteA),
        ("/exemplars/milestones/{milestone}/evidence/{evidence}", ReadA),
        ("/exemplars/returns/{draft}", ReadA),
        ("/exemplars/returns/{draft}/edit", WriteA),
        ("/exemplars/returns/{draft}/risks/new", WriteA),
        ("/exemplars/returns/{draft}/milestone-updates/new", WriteA),
        ("/exemplars/returns/{draft}/measurements/new", WriteA),
        ("/exemplars/participations/{participation}/benefits/new", WriteA),
        ("/exemplars/returns/{draft}/audit", ReadA),
        ("/exemplars/returns/{submitted}/review", National),
        ("/exemplars/claims/{claim}", ReadA),
        ("/exemplars/lessons", SignedIn),
        ("/exemplars/lessons?q=lesson&capability=Electronic+patient+record+(EPR)", SignedIn),
        ("/exemplars/lessons/new", AnyLead),
        ("/exemplars/lessons/{published-lesson}", SignedIn),
        ("/exemplars/lessons/{draft-lesson}", DraftOfA),
        ("/exemplars/lessons/{draft-lesson}/edit", ChangeDraftOfA),
        ("/exemplars/lessons/{published-lesson}/edit", ChangePublishedOfA),
        ("/exemplars/blueprints", SignedIn),
        ("/exemplars/blueprints?capability=Epr&usertype=Clinicians&caresetting=Acute&projecttype=EPR+implementation", SignedIn),
        ("/exemplars/blueprints/new", AnyLead),
        ("/exemplars/blueprints/{published-blueprint}", SignedIn),
        ("/exemplars/blueprints/{draft-blueprint}", DraftOfA),
        ("/exemplars/blueprints/{draft-blueprint}/edit", ChangeDraftOfA),
        ("/exemplars/blueprints/{published-blueprint}/edit", ChangePublishedOfA),
        ("/api/exemplars/portfolio", Api(National)),
        ("/api/exemplars/trusts/{A}/milestones", Api(ReadA)),
        ("/api/exemplars/trusts/{A}/workforce-skills", Api(ReadA)),
        ("/api/exemplars/lessons?q=lesson", Api(SignedIn)),
        ("/api/exemplars/blueprints?capability=Epr&careSetting=Acute", Api(SignedIn)),
        ("/api/exemplars/blueprints/{published-blueprint}", Api(SignedIn)),
        ("/api/exemplars/blueprints/{draft-blueprint}", Api(DraftOfA)),
        ("/api/exemplars/openapi.json", Api(SignedIn)),
    ];

    public static TheoryData<string, Who, Expect> Matrix()
    {
        var data = new TheoryData<string, Who, Expect>();
        foreach (var (url, rule) in Pages)
            foreach (var who in Everyone)
                data.Add(url, who, rule(who));
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task Get_Page_AnswersAsTheMatrixSays(string url, Who who, Expect expected)
    {
        var response = await fixture.Clients[who].GetAsync(fixture.Url(url));

        Assert.Equal(expected, Classify(response));
    }

    /// Writes are refused alike: a valid anti-forgery token of the person's own, posted to trust A's records.
    public static TheoryData<string, Who, Expect> Writes()
    {
        var data = new TheoryData<string, Who, Expect>();
        foreach (var who in Everyone)
        {
            data.Add("/exemplars/milestones/{milestone}/edit", who, WriteA(who));
            // Every field of a draft return is optional until it is submitted: the empty form saves.
            data.Add("/exemplars/returns/{draft}/edit", who, WriteA(who) == Expect.Ok ? Expect.Saved : WriteA(who));
            data.Add("/exemplars/participations/{participation}/edit", who, AdminOnly(who));
            data.Add("/exemplars/lessons/{draft-lesson}/edit", who, ChangeDraftOfA(who));
            data.Add("/exemplars/lessons/{published-lesson}/edit", who, ChangePublishedOfA(who));
            // Blueprints: the empty form, lesson and publication are refused with errors for the lead (200); a draft
            // without lessons cannot be published, so nothing changes for the other tests.
            data.Add("/exemplars/blueprints/new", who, AnyLead(who));
            data.Add("/exemplars/blueprints/{empty-blueprint}/edit", who, ChangeDraftOfA(who));
            data.Add("/exemplars/blueprints/{empty-blueprint}/edit?handler=AddLesson", who, ChangeDraftOfA(who));
            data.Add("/exemplars/blueprints/{empty-blueprint}/edit?handler=Publish", who, ChangeDraftOfA(who));
            data.Add("/exemplars/blueprints/{published-blueprint}/edit?handler=Publish", who, ChangePublishedOfA(who));
        }
        return data;
    }

    [Theory, MemberData(nameof(Writes))]
    public async Task Post_InvalidFormToAnotherTrustsRecord_AnswersAsTheMatrixSays(string url, Who who, Expect expected)
    {
        var client = fixture.Clients[who];
        var tokenPage = who == Who.Anonymous ? "/account/sign-in" : "/exemplars/../";
        var token = Forms.AntiForgeryToken(await client.GetStringAsync(tokenPage));
        Assert.NotNull(token);

        // An empty form: the person allowed gets the form again with errors (200), and nothing is written.
        var response = await client.PostAsync(fixture.Url(url), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! }));

        Assert.Equal(expected, Classify(response));
    }

    private static Expect? Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Expect.Ok,
        HttpStatusCode.NotFound => Expect.NotFound,
        HttpStatusCode.Conflict => Expect.Conflict,
        HttpStatusCode.Unauthorized => Expect.Unauthorized,
        HttpStatusCode.Forbidden => Expect.Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) => Expect.SignIn,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) => Expect.Denied,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.StartsWith("/exemplars/", StringComparison.Ordinal) => Expect.Saved,
        _ => null,
    };
}
