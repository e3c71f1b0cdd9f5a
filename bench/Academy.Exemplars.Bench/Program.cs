// Exemplar tracker load test: dotnet run -c Release --project bench/Academy.Exemplars.Bench [-- seconds clients learners]
// learners: staff of RLN in the Digital Academy, each on all 10 published courses (the trust page's workforce skills).
using System.Diagnostics;
using Academy;
using Academy.Exemplars.Data;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var seconds = args.Length > 0 ? int.Parse(args[0]) : 15;
var clients = args.Length > 1 ? int.Parse(args[1]) : 50;
var learners = args.Length > 2 ? int.Parse(args[2]) : 5_000;

PageLoad.UseSiteContentRoot();

await using var site = AcademySite.Create(kestrel: true, overrides: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Error" });
var address = site.ServerAddress;
Console.WriteLine($"Site on {address}, data in {site.DataFolder}");

var generated = Stopwatch.StartNew();
await Generator.GenerateAsync(site.Services);
Console.WriteLine($"Generated 32 trusts, 2,000 milestones, 500 returns, 5,000 lessons in {generated.Elapsed.TotalSeconds:0.0} s");
generated.Restart();
var enrolments = await Workforce.GenerateAsync(site.Services, "RLN", learners);
Console.WriteLine($"Generated {learners:N0} staff of RLN with {enrolments:N0} enrolments on 10 courses in {generated.Elapsed.TotalSeconds:0.0} s");

await site.CreateUserAsync("bench-reviewer@academy.test", [Roles.NationalReviewer]);
using var http = await PageLoad.SignInAsync(address, "bench-reviewer@academy.test", "a-long-enough-password", clients);

string[] scenarios = ["/exemplars/portfolio", "/exemplars/trusts/RLN", "/api/exemplars/trusts/RLN/workforce-skills", "/exemplars/lessons?q=training+ward"];
Console.WriteLine($"{clients} concurrent clients, {seconds} s per page (after a 3 s warm-up)");
Console.WriteLine(PageLoad.Header);
foreach (var url in scenarios)
    Console.WriteLine((await PageLoad.MeasureAsync([http], url, clients, TimeSpan.FromSeconds(seconds), warmUp: TimeSpan.FromSeconds(3))).Row);

static class Generator
{
    private static readonly string[] Words = ["ward", "training", "go-live", "supplier", "pharmacy", "scanning", "clinician", "dashboard", "interface", "outpatients", "theatres", "nursing", "handover", "infrastructure", "wifi", "devices"];

    public static async Task GenerateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarsDbContext>();
        var random = new Random(42);
        var followers = await db.Programmes.SingleAsync(p => p.Slug == "national-exemplars");
        var exemplars = await db.Participations.Where(p => p.Programme.Slug == "global-digital-exemplars").ToListAsync();
        for (var i = 0; i < 20; i++)
        {
            var trust = new Trust { OdsCode = $"X{i:00}", Name = $"Fast Follower Trust {i + 1:00}", Region = i % 2 == 0 ? "London" : "Midlands" };
            db.Participations.Add(new Participation { Programme = followers, Trust = trust, Allocation = 5_000_000m, PairedWithId = exemplars[i % exemplars.Count].Id, MaturityTarget = "HIMSS EMRAM stage 5" });
        }
        await db.SaveChangesAsync();
        var participations = await db.Participations.Include(p => p.Programme).ToListAsync();
        var areas = Enum.GetValues<CapabilityArea>();
        foreach (var (p, index) in participations.Select((p, i) => (p, i)))
        {
            var count = 2000 / participations.Count + (index < 2000 % participations.Count ? 1 : 0);
            for (var m = 0; m < count; m++)
            {
                var baseline = p.Programme.StartDate.AddDays(random.Next(0, 1200));
                var slip = random.Next(0, 4) == 0 ? random.Next(1, 120) : 0;
                var achieved = random.Next(0, 3) == 0;
                db.Milestones.Add(new Milestone
                {
                    ParticipationId = p.Id, CapabilityArea = areas[random.Next(areas.Length)], Title = $"Milestone {m + 1}: {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}",
                    BaselineDate = baseline, ForecastDate = baseline.AddDays(slip), ActualDate = achieved ? baseline : null,
                    Status = achieved ? MilestoneStatus.Achieved : slip > 60 ? MilestoneStatus.Late : slip > 0 ? MilestoneStatus.AtRisk : MilestoneStatus.OnTrack,
                });
            }
            var returns = 500 / participations.Count + (index < 500 % participations.Count ? 1 : 0);
            for (var r = 0; r < returns; r++)
            {
                var start = p.Programme.StartDate.AddMonths(3 * r);
                Rag Rate() => (Rag)random.Next(0, 3);
                db.Returns.Add(new ProgressReturn
                {
                    ParticipationId = p.Id, PeriodStart = start, PeriodEnd = start.AddMonths(3).AddDays(-1), DueDate = start.AddMonths(4),
                    Status = r == returns - 1 ? ReturnStatus.Submitted : ReturnStatus.Approved, NarrativeMarkdown = "Progress this quarter.",
                    TimeRag = Rate(), BudgetRag = Rate(), ScopeQualityRag = Rate(), RiskRag = Rate(), BenefitsRag = Rate(), DeliveryConfidence = Rate(), NationalSpend = 100_000m,
                });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        for (var l = 0; l < 5000; l++)
        {
            var p = participations[random.Next(participations.Count)];
            string Sentence() => string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]));
            db.Lessons.Add(new Lesson
            {
                ParticipationId = p.Id, Title = $"Lesson {l + 1}: {Words[random.Next(Words.Length)]}", Context = Sentence(), WhatHappened = Sentence() + ". " + Sentence(),
                WhatToRepeat = Sentence(), WhatToDoDifferently = Sentence(), CapabilityArea = areas[random.Next(areas.Length)],
                Tags = $"{Words[random.Next(Words.Length)]},{Words[random.Next(Words.Length)]}", Status = LessonStatus.Published, PublishedAt = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 900)),
            });
            if (l % 1000 == 999) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
    }
}
