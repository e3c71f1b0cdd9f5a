using System.Net;
using System.Text.RegularExpressions;
using Academy.Learning.Courses;
using Academy.Learning.SelfAssessment;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ext = Academy.Learning.SelfAssessment.SelfAssessmentStatements.Extensions;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.SelfAssessment;

/// Issue 11 §6: the digital capability self-assessment, taken through its pages over HTTP on a real SQLite file.
public sealed partial class SelfAssessmentTests(LearningSite site) : IClassFixture<LearningSite>
{
    private static readonly CapabilityDomains.Info Technical = CapabilityDomains.All.Single(d => d.Domain == CapabilityDomain.TechnicalProficiency);

    [Fact]
    public async Task Submit_AllDomains_StoresEachAnswerAndTheCompletionAsStatementsInTheLrs()
    {
        var trust = SelfAssessments.NewTrust();
        var (userId, client) = await SelfAssessments.PersonAsync(site, trust: trust);

        var registration = await SelfAssessments.TakeAsync(client, i => (i.Number, 10 - i.Number));

        var statements = await SelfAssessments.StatementsAsync(site, registration);
        var statementActivities = site.Services.GetRequiredService<SelfAssessmentStatements>();
        Assert.Equal(CapabilityStatements.All.Count + 1, statements.Count);
        Assert.All(statements, s => Assert.Equal(userId, s["actor"]!["account"]!["name"]!.GetValue<string>()));
        var answered = statements.Where(s => s["verb"]!["id"]!.GetValue<string>() == Verbs.Answered).ToList();
        Assert.Equal(CapabilityStatements.All.Select(i => statementActivities.StatementId(i.Key)).Order(), answered.Select(s => s["object"]!["id"]!.GetValue<string>()).Order());
        var third = answered.Single(s => s["object"]!["id"]!.GetValue<string>() == statementActivities.StatementId("technical-proficiency-3"));
        Assert.Equal(3, third["result"]!["extensions"]![Ext.Now]!.GetValue<int>());
        Assert.Equal(7, third["result"]!["extensions"]![Ext.Need]!.GetValue<int>());
        Assert.Equal(statementActivities.DomainId(CapabilityDomain.TechnicalProficiency), third["context"]!["contextActivities"]!["parent"]![0]!["id"]!.GetValue<string>());
        var completed = Assert.Single(statements, s => s["verb"]!["id"]!.GetValue<string>() == Verbs.Completed);
        Assert.Equal(statementActivities.AssessmentId, completed["object"]!["id"]!.GetValue<string>());
        Assert.Equal(trust, completed["context"]!["extensions"]![Ext.Trust]!.GetValue<string>());
        // Statements 1 to 5 rated now 1..5 and need 9..5: means 3.0 and 7.0 in every domain.
        Assert.Equal(4.0, completed["result"]!["extensions"]![Ext.Domains]![Technical.Key]!["gap"]!.GetValue<double>());
        var stored = await site.DbAsync(db => db.SelfAssessmentAttempts.AsNoTracking().SingleAsync(a => a.Registration == registration));
        Assert.Equal(trust, stored.TrustOdsCode);
        Assert.Equal(Guid.Parse(completed["id"]!.GetValue<string>()), stored.CompletedStatementId);
    }

    [Fact]
    public async Task Result_WithGapsInThreeDomains_RecommendsPublishedCoursesOrderedByTheGapInTheirDomain()
    {
        var small = await CourseAsync("Recommended small-gap course", CapabilityDomain.TechnicalProficiency);
        var big = await CourseAsync("Recommended big-gap course", CapabilityDomain.DataInformationAndContent);
        var middle = await CourseAsync("Recommended middle-gap course", CapabilityDomain.CreationInnovationAndResearch);
        var draft = await CourseAsync("Unpublished big-gap course", CapabilityDomain.DataInformationAndContent, CourseStatus.Draft);
        var noGap = await CourseAsync("Recommended no-gap course", CapabilityDomain.CommunicationCollaborationAndParticipation);
        var (_, client) = await SelfAssessments.PersonAsync(site);

        var registration = await SelfAssessments.TakeAsync(client, i => i.Domain switch
        {
            CapabilityDomain.DataInformationAndContent => (2, 8),
            CapabilityDomain.CreationInnovationAndResearch => (3, 7),
            CapabilityDomain.TechnicalProficiency => (5, 6),
            _ => (6, 6),
        });
        var html = await client.GetStringAsync(SelfAssessmentPaths.Result(registration));

        var order = new[] { big, middle, small }.Select(c => html.IndexOf($"href=\"/learning/courses/{c.Slug}\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, at => Assert.True(at > 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain(draft.Slug, html);
        Assert.DoesNotContain(noGap.Slug, html);
        var text = Html.Text(html);
        Assert.Contains("Your biggest gap is in Data, information and content : you need to be at 8.0 and you are at 2.0.", text);
        Assert.Contains("Data, information and content 2.0 8.0 6.0", text);
        Assert.Contains("Communication, collaboration and participation 6.0 6.0 None", text);
        Assert.Contains("<svg class=\"app-chart\" role=\"img\"", html);
    }

    [Fact]
    public async Task Retake_KeepsTheEarlierResultAndListsBothInTheHistory()
    {
        var (_, client) = await SelfAssessments.PersonAsync(site);

        var first = await SelfAssessments.TakeAsync(client, SelfAssessments.Everywhere(2, 9));
        var second = await SelfAssessments.TakeAsync(client, SelfAssessments.Everywhere(7, 8));

        Assert.NotEqual(first, second);
        var start = await client.GetStringAsync(SelfAssessmentPaths.Start);
        Assert.Contains($"href=\"{SelfAssessmentPaths.Result(first)}\"", start);
        Assert.Contains($"href=\"{SelfAssessmentPaths.Result(second)}\"", start);
        Assert.True(start.IndexOf(second.ToString(), StringComparison.Ordinal) < start.IndexOf(first.ToString(), StringComparison.Ordinal), "The latest result is listed first.");
        Assert.Contains("Take the self-assessment again", start);
        var earlier = Html.Text(await client.GetStringAsync(SelfAssessmentPaths.Result(first)));
        Assert.Contains("These are the results of an earlier self-assessment.", earlier);
        Assert.Contains("Technical proficiency 2.0 9.0 7.0", earlier);
        var latest = Html.Text(await client.GetStringAsync(SelfAssessmentPaths.Result(second)));
        Assert.DoesNotContain("earlier self-assessment", latest);
        Assert.Contains("Technical proficiency 7.0 8.0 1.0", latest);
        Assert.Single(await SelfAssessments.StatementsAsync(site, first), s => s["verb"]!["id"]!.GetValue<string>() == Verbs.Completed);
        Assert.Single(await SelfAssessments.StatementsAsync(site, second), s => s["verb"]!["id"]!.GetValue<string>() == Verbs.Completed);
    }

    [Fact]
    public async Task TrustSummary_ShowsNoFigureForFourPeopleAndTheMeansFromTheFifth()
    {
        var trust = SelfAssessments.NewTrust();
        var (_, ccio) = await SelfAssessments.PersonAsync(site, Roles.Ccio, trust);
        for (var i = 0; i < 4; i++)
            await SelfAssessments.SubmitAsync(site, await site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], trust), trust, SelfAssessments.Everywhere(i, 8));

        var four = Html.Text(await ccio.GetStringAsync(SelfAssessmentPaths.Trust));
        var fourSummary = await site.WithServicesAsync(sp => sp.GetRequiredService<ITrustSelfAssessment>().ForTrustAsync(trust));

        Assert.Contains("Fewer than 5 people in your trust have taken the self-assessment.", four);
        Assert.DoesNotContain("Mean now", four);
        Assert.DoesNotContain("4 people", four);
        Assert.False(fourSummary.IsShown);
        Assert.Empty(fourSummary.Domains);

        await SelfAssessments.SubmitAsync(site, await site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], trust), trust, SelfAssessments.Everywhere(4, 9));
        var five = Html.Text(await ccio.GetStringAsync(SelfAssessmentPaths.Trust));
        var fiveSummary = await site.WithServicesAsync(sp => sp.GetRequiredService<ITrustSelfAssessment>().ForTrustAsync(trust));

        // Now 0, 1, 2, 3, 4: mean 2.0; need 8, 8, 8, 8, 9: mean 8.2; gap 6.2.
        Assert.Contains("5 people in your trust have taken the self-assessment.", five);
        Assert.Contains("Technical proficiency 2.0 8.2 6.2", five);
        Assert.Equal(5, fiveSummary.People);
        Assert.Equal(CapabilityDomains.All.Select(d => d.Key), fiveSummary.Domains.Select(d => d.DomainKey));
        Assert.All(fiveSummary.Domains, d => Assert.Equal((2.0, 8.2, 6.2), (d.MeanNow, d.MeanNeed, d.Gap)));
    }

    [Fact]
    public async Task TrustSummary_CountsOnlyEachPersonsLatestAttemptForTheTrustTheyHadThen()
    {
        var (trust, other) = (SelfAssessments.NewTrust(), SelfAssessments.NewTrust());
        var people = new List<string>();
        for (var i = 0; i < 5; i++) people.Add(await site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], trust));
        foreach (var person in people) await SelfAssessments.SubmitAsync(site, person, trust, SelfAssessments.Everywhere(1, 5));
        // One person retakes it (their first answers no longer count), another retakes it after moving trust.
        await SelfAssessments.SubmitAsync(site, people[0], trust, SelfAssessments.Everywhere(6, 5));
        await SelfAssessments.SubmitAsync(site, people[1], other, SelfAssessments.Everywhere(9, 9));

        var summaries = await site.WithServicesAsync(sp => sp.GetRequiredService<ITrustSelfAssessment>().ForTrustsAsync([trust, other, "NOPE1"]));

        Assert.Equal(4, summaries[trust].People);
        Assert.False(summaries[trust].IsShown);
        Assert.Equal(1, summaries[other].People);
        Assert.Equal(0, summaries["NOPE1"].People);
        await SelfAssessments.SubmitAsync(site, await site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], trust), trust, SelfAssessments.Everywhere(1, 5));
        var shown = await site.WithServicesAsync(sp => sp.GetRequiredService<ITrustSelfAssessment>().ForTrustAsync(trust));
        // Now 6, 1, 1, 1, 1 (the retake, three first attempts, the newcomer): mean 2.0.
        Assert.Equal(5, shown.People);
        Assert.All(shown.Domains, d => Assert.Equal((2.0, 5.0, 3.0), (d.MeanNow, d.MeanNeed, d.Gap)));
    }

    [Fact]
    public async Task TrustPage_ForACcio_ShowsOnlyTheirOwnTrustWhateverTheAddressSays()
    {
        var (mine, theirs) = (SelfAssessments.NewTrust(), SelfAssessments.NewTrust());
        for (var i = 0; i < 5; i++)
        {
            await SelfAssessments.SubmitAsync(site, await site.CreateUserAsync(Arrange.NewEmail("mine"), [Roles.Learner], mine), mine, SelfAssessments.Everywhere(2, 8));
            await SelfAssessments.SubmitAsync(site, await site.CreateUserAsync(Arrange.NewEmail("theirs"), [Roles.Learner], theirs), theirs, SelfAssessments.Everywhere(7, 9));
        }
        var (_, ccio) = await SelfAssessments.PersonAsync(site, Roles.Ccio, mine);
        var (_, learner) = await SelfAssessments.PersonAsync(site, Roles.Learner, mine);

        var page = Html.Text(await ccio.GetStringAsync($"{SelfAssessmentPaths.Trust}?trust={theirs}&trustOdsCode={theirs}"));
        var refused = await learner.GetAsync(SelfAssessmentPaths.Trust);

        Assert.Contains("Technical proficiency 2.0 8.0 6.0", page);
        Assert.DoesNotContain("7.0", page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_Domain_WithMissingOutOfRangeAndHiddenCharacterRatings_ShowsErrorsInFieldOrderAndStoresNothing()
    {
        var (userId, client) = await SelfAssessments.PersonAsync(site);
        var form = SelfAssessments.Form(Technical, SelfAssessments.Everywhere(4, 6));
        form.Remove("Statement1.Now");
        form["Statement2.Need"] = "11";
        form["Statement3.Now"] = "5\u0007";
        form["Statement4.Need"] = "-1";

        var response = await Forms.PostAsync(client, SelfAssessmentPaths.Domain(Technical), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        await Html.AssertHasFieldErrorAsync(response, "Statement1_Now", "Select where you are now for statement 1, from 0 to 10");
        await Html.AssertHasFieldErrorAsync(response, "Statement2_Need", "Select where you need to be for statement 2, from 0 to 10");
        await Html.AssertHasFieldErrorAsync(response, "Statement3_Now", "Select where you are now for statement 3, from 0 to 10");
        await Html.AssertHasFieldErrorAsync(response, "Statement4_Need", "Select where you need to be for statement 4, from 0 to 10");
        var summaryLinks = SummaryLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Statement1_Now", "Statement2_Need", "Statement3_Now", "Statement4_Need"], summaryLinks);
        Assert.Contains("<title>Error: ", html);
        // The valid answers are shown again; nothing is saved.
        Assert.Contains("id=\"Statement5_Now-5\" name=\"Statement5.Now\" type=\"radio\" value=\"4\" checked=\"checked\"", html);
        Assert.Equal(0, await site.DbAsync(db => db.SelfAssessmentAttempts.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task Post_Domain_WithoutAntiForgeryToken_IsRefusedAndStoresNothing()
    {
        var (userId, client) = await SelfAssessments.PersonAsync(site);

        var response = await client.PostAsync(SelfAssessmentPaths.Domain(Technical), new FormUrlEncodedContent(SelfAssessments.Form(Technical, SelfAssessments.Everywhere(1, 2))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await site.DbAsync(db => db.SelfAssessmentAttempts.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task Post_CheckYourAnswersTwice_SubmitsOnce()
    {
        var (userId, client) = await SelfAssessments.PersonAsync(site);
        foreach (var domain in CapabilityDomains.All)
            await Forms.PostAsync(client, SelfAssessmentPaths.Domain(domain), SelfAssessments.Form(domain, SelfAssessments.Everywhere(3, 5)));
        var token = Forms.AntiForgeryToken(await client.GetStringAsync(SelfAssessmentPaths.Check))!;
        var body = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var answers = await Task.WhenAll(client.PostAsync(SelfAssessmentPaths.Check, body()), client.PostAsync(SelfAssessmentPaths.Check, body()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var attempt = await site.DbAsync(db => db.SelfAssessmentAttempts.AsNoTracking().SingleAsync(a => a.UserId == userId));
        Assert.NotNull(attempt.SubmittedAt);
        Assert.Single(await SelfAssessments.StatementsAsync(site, attempt.Registration), s => s["verb"]!["id"]!.GetValue<string>() == Verbs.Completed);
    }

    [Fact]
    public async Task CheckYourAnswers_WithADomainUnanswered_GoesToThatDomainAndSubmitsNothing()
    {
        var (userId, client) = await SelfAssessments.PersonAsync(site);
        await Forms.PostAsync(client, SelfAssessmentPaths.Domain(CapabilityDomains.All[0]), SelfAssessments.Form(CapabilityDomains.All[0], SelfAssessments.Everywhere(3, 5)));

        var shown = await client.GetAsync(SelfAssessmentPaths.Check);
        var posted = await client.PostAsync(SelfAssessmentPaths.Check, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiForgeryToken(await client.GetStringAsync(SelfAssessmentPaths.Start))!,
        }));

        Assert.Equal(SelfAssessmentPaths.Domain(CapabilityDomains.All[1]), shown.Headers.Location!.OriginalString);
        Assert.Equal(SelfAssessmentPaths.Domain(CapabilityDomains.All[1]), posted.Headers.Location!.OriginalString);
        Assert.Null(await site.DbAsync(db => db.SelfAssessmentAttempts.Where(a => a.UserId == userId).Select(a => a.SubmittedAt).SingleAsync()));
    }

    [Fact]
    public async Task Change_FromCheckYourAnswers_ReplacesThatDomainsAnswersAndReturns()
    {
        var (userId, client) = await SelfAssessments.PersonAsync(site);
        foreach (var domain in CapabilityDomains.All)
            await Forms.PostAsync(client, SelfAssessmentPaths.Domain(domain), SelfAssessments.Form(domain, SelfAssessments.Everywhere(3, 5)));

        var changed = await Forms.PostAsync(client, SelfAssessmentPaths.Domain(Technical, fromCheck: true), SelfAssessments.Form(Technical, SelfAssessments.Everywhere(9, 10)));

        Assert.Equal(SelfAssessmentPaths.Check, changed.Headers.Location!.OriginalString);
        var ratings = await site.DbAsync(db => db.SelfAssessmentRatings.AsNoTracking().Where(r => r.Attempt.UserId == userId).ToListAsync());
        Assert.Equal(CapabilityStatements.All.Count, ratings.Count);
        Assert.All(ratings.Where(r => r.Domain == CapabilityDomain.TechnicalProficiency), r => Assert.Equal((9, 10), (r.Now, r.Need)));
        Assert.Contains("Where I am now: 9", await client.GetStringAsync(SelfAssessmentPaths.Check));
    }

    [Fact]
    public async Task Get_UnknownDomainOrSomeoneElsesResult_IsNotFound()
    {
        var (_, owner) = await SelfAssessments.PersonAsync(site);
        var (_, other) = await SelfAssessments.PersonAsync(site);
        var registration = await SelfAssessments.TakeAsync(owner, SelfAssessments.Everywhere(5, 5));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(SelfAssessmentPaths.Result(registration))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(SelfAssessmentPaths.Result(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(SelfAssessmentPaths.Start + "/not-a-domain")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(SelfAssessmentPaths.Result(registration))).StatusCode);
    }

    [Fact]
    public async Task MyLearningAndTheMenu_LinkToTheSelfAssessment()
    {
        var (_, client) = await SelfAssessments.PersonAsync(site);

        var html = await client.GetStringAsync("/learning");

        Assert.Contains($"<a href=\"{SelfAssessmentPaths.Start}\">Take the self-assessment or see your results</a>", html);
        Assert.Contains($"class=\"nhsuk-header__navigation-link\" href=\"{SelfAssessmentPaths.Start}\"", html);
    }

    private Task<Course> CourseAsync(string title, CapabilityDomain domain, CourseStatus status = CourseStatus.Published) => site.DbAsync(async db =>
    {
        var course = new Course
        {
            Slug = Arrange.NewSlug("sa"), Title = title, Summary = "For the self-assessment's tests.", Domain = domain, EstimatedMinutes = 15,
            CompletionRule = "r", Status = status, PublishedAt = status == CourseStatus.Published ? DateTimeOffset.UtcNow : null, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    });

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")]
    private static partial Regex SummaryLink();
}
