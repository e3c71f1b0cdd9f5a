using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Security;

/// Ccio: a CCIO of trust A; CcioOfB: of trust B.
public enum Who { Anonymous, Learner, LeadOfA, LeadOfB, Ccio, CcioOfB, Reviewer, Administrator }

/// One site with a record of every kind on trust A, and a signed-in client for each kind of person.
public sealed class MatrixFixture : IAsyncLifetime
{
    public const string TrustA = "RLN";
    public const string TrustB = "RQ6";
    public AcademySite Site { get; } = new();
    public Dictionary<Who, HttpClient> Clients { get; } = [];
    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        Clients[Who.Anonymous] = Site.CreateAnonymousClient();
        Clients[Who.Learner] = await Site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], TrustA);
        Clients[Who.LeadOfA] = await Arrange.LeadAsync(Site, TrustA);
        Clients[Who.LeadOfB] = await Arrange.LeadAsync(Site, TrustB);
        Clients[Who.Ccio] = await Site.SignInAsNewUserAsync(Arrange.NewEmail("ccio"), [Roles.Ccio], TrustA);
        Clients[Who.CcioOfB] = await Site.SignInAsNewUserAsync(Arrange.NewEmail("ccio-b"), [Roles.Ccio], TrustB);
        Clients[Who.Reviewer] = await Arrange.ReviewerAsync(Site);
        Clients[Who.Administrator] = await Site.SignInAsAdministratorAsync();

        var milestoneId = await Arrange.AchievedMilestoneAsync(Site, TrustA);
        await Arrange.DbAsync(Site, async db =>
        {
            var milestone = await db.Milestones.Include(m => m.Evidence).SingleAsync(m => m.Id == milestoneId);
            var file = milestone.Evidence[0];
            var folder = Path.Combine(Site.DataFolder, "evidence", milestoneId.ToString());
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, file.StoredName), "%PDF-1.7"u8.ToArray());
            var draft = new ProgressReturn { ParticipationId = milestone.ParticipationId, PeriodStart = new DateOnly(2016, 9, 1), PeriodEnd = new DateOnly(2016, 11, 30), DueDate = new DateOnly(2016, 12, 31) };
            var submitted = new ProgressReturn { ParticipationId = milestone.ParticipationId, PeriodStart = new DateOnly(2016, 12, 1), PeriodEnd = new DateOnly(2017, 2, 28), DueDate = new DateOnly(2017, 3, 31), Status = ReturnStatus.Submitted, SubmittedBy = "lead@trust.test" };
            var claim = new Claim { ParticipationId = milestone.ParticipationId, MilestoneId = milestoneId, Amount = 100m, ClaimedBy = "lead@trust.test" };
            db.AddRange(draft, submitted, claim);
            await db.SaveChangesAsync();
            Ids["participation"] = milestone.ParticipationId.ToString();
            Ids["milestone"] = milestoneId.ToString();
            Ids["evidence"] = file.Id.ToString();
            Ids["draft"] = draft.Id.ToString();
            Ids["submitted"] = submitted.Id.ToString();
            Ids["claim"] = claim.Id.ToString();
            return 0;
        });
        await ArrangeMoreAsync();
    }

    /// Later features (lessons, blueprints) add their records here.
    private Task ArrangeMoreAsync() => Arrange.DbAsync(Site, async db =>
    {
        var participationId = int.Parse(Ids["participation"]);
        Lesson New(LessonStatus status) => new()
        {
            ParticipationId = participationId, Title = "Lesson " + status, Context = "c", WhatHappened = "w", CapabilityArea = CapabilityArea.Epr, Status = status,
            PublishedAt = status == LessonStatus.Published ? DateTimeOffset.UtcNow : null,
        };
        var published = New(LessonStatus.Published);
        var draft = New(LessonStatus.Draft);
        db.Lessons.AddRange(published, draft);
        await db.SaveChangesAsync();
        Ids["published-lesson"] = published.Id.ToString();
        Ids["draft-lesson"] = draft.Id.ToString();

        Blueprint Plan(bool published, params Lesson[] lessons) => new()
        {
            ParticipationId = participationId, Title = published ? "Published blueprint" : "Draft blueprint", CapabilityArea = CapabilityArea.Epr,
            UserType = "Clinicians", CareSetting = "Acute", ProjectType = "EPR implementation", Published = published,
            PublishedAt = published ? DateTimeOffset.UtcNow : null, Lessons = lessons.Select((l, i) => new BlueprintLesson { LessonId = l.Id, Order = i + 1 }).ToList(),
        };
        var publishedBlueprint = Plan(true, published);
        var draftBlueprint = Plan(false, published);
        var emptyBlueprint = Plan(false);
        db.Blueprints.AddRange(publishedBlueprint, draftBlueprint, emptyBlueprint);
        await db.SaveChangesAsync();
        Ids["published-blueprint"] = publishedBlueprint.Id.ToString();
        Ids["draft-blueprint"] = draftBlueprint.Id.ToString();
        Ids["empty-blueprint"] = emptyBlueprint.Id.ToString();
        return 0;
    });

    public string Url(string template) => Ids.Aggregate(template.Replace("{A}", TrustA, StringComparison.Ordinal), (url, id) => url.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
