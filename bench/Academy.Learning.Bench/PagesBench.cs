using System.Diagnostics;
using Academy;
using Academy.Identity.Data;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// Learner pages under load (`pages` mode): the catalogue (with and without a search), a Markdown lesson of the
/// starter course and My learning, for a few of `learners` learners each enrolled on three courses with some
/// progress, under `clients` concurrent clients. The rows are written straight through the modules' DbContexts
/// (10,000 sign-ups over HTTP would take longer than the measurement); the learners sign in through the real page.
internal static class PagesBench
{
    private const string Password = "a-long-enough-password";
    private const int SignedIn = 5;
    private static readonly string[] Words = ["records", "safety", "data", "cyber", "patients", "clinical", "digital", "leadership", "analytics", "interoperability", "governance", "change"];

    public static async Task RunAsync(AcademySite site, int learners, int clients, int seconds)
    {
        Console.WriteLine($"Learner pages: {learners:N0} learners, {clients} concurrent clients, {seconds} s per page (after a 3 s warm-up), {Environment.ProcessorCount} cores");
        var seeded = Stopwatch.StartNew();
        var emails = await SeedLearnersAsync(site.Services, learners);
        var courses = await SeedCoursesAsync(site.Services, 6);
        var enrolments = await SeedEnrolmentsAsync(site.Services, emails.Values.ToList());
        Console.WriteLine($"Seeded {learners:N0} learners, {courses} more published courses, {enrolments:N0} enrolments with progress in {seeded.Elapsed.TotalSeconds:0.0} s");

        var http = new List<HttpClient>();
        foreach (var email in emails.Keys.Take(SignedIn)) http.Add(await PageLoad.SignInAsync(site.ServerAddress, email, Password, clients));
        string[] pages = ["/learning/courses", "/learning/courses?q=phishing", "/learning/courses/digital-foundations/lessons/phishing", "/learning"];
        Console.WriteLine($"{http.Count} learners signed in, {clients} clients shared among them");
        Console.WriteLine(PageLoad.Header);
        foreach (var url in pages)
            Console.WriteLine((await PageLoad.MeasureAsync(http, url, clients, TimeSpan.FromSeconds(seconds), warmUp: TimeSpan.FromSeconds(3))).Row);
        foreach (var client in http) client.Dispose();
    }

    /// Learner accounts by email, with one password hash shared by all (hashing 10,000 passwords would take minutes).
    private static async Task<Dictionary<string, string>> SeedLearnersAsync(IServiceProvider services, int learners)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AcademyUser>>().HashPassword(new AcademyUser(), Password);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Learner);
        var trusts = new[] { "RLN", "RQ6", "RM3", "RBL", "RRK", "RC9", "RGR", "RAL", "RTH", "RBA", "RA7", "RHM" };
        var emails = new Dictionary<string, string>();
        for (var i = 0; i < learners; i++)
        {
            var email = $"learner{i:00000}@bench.nhs.test";
            var user = new AcademyUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                DisplayName = $"Learner {i:00000}", TrustOdsCode = trusts[i % trusts.Length], PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            emails[email] = user.Id;
            if (i % 2000 == 1999) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
        return emails;
    }

    /// Published courses of two sections of three Markdown lessons each, beside the starter course.
    private static async Task<int> SeedCoursesAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var random = new Random(7);
        var domains = Enum.GetValues<CapabilityDomain>();
        string Words3() => string.Join(' ', Enumerable.Range(0, 3).Select(_ => Words[random.Next(Words.Length)]));
        for (var c = 0; c < count; c++)
        {
            var sections = Enumerable.Range(1, 2).Select(s => new Section
            {
                Position = s, Title = $"Part {s}",
                Lessons = Enumerable.Range(1, 3).Select(l => new Lesson
                {
                    Position = l, Slug = $"lesson-{s}-{l}", Title = $"Lesson {s}.{l}: {Words3()}", Kind = LessonKind.Page, Minutes = 5 + l,
                    Markdown = $"## {Words3()}\n\n" + string.Join("\n\n", Enumerable.Range(0, 6).Select(_ => string.Join(' ', Enumerable.Range(0, 40).Select(_ => Words[random.Next(Words.Length)])) + ".")),
                }).ToList(),
            }).ToList();
            db.Courses.Add(new Course
            {
                Slug = $"bench-course-{c + 1}", Title = $"Bench course {c + 1}: {Words3()}", Summary = $"About {Words3()} for NHS staff.", Description = Words3(),
                Domain = domains[c % domains.Length], EstimatedMinutes = 20 + 25 * c, ValidityMonths = 12, CompletionRule = "View every lesson.",
                Status = CourseStatus.Published, PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Sections = sections,
            });
        }
        await db.SaveChangesAsync();
        return count;
    }

    /// Each learner on the starter course and two others; about half the enrolments started, a fifth of the others' complete.
    private static async Task<int> SeedEnrolmentsAsync(IServiceProvider services, List<string> userIds)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var courses = await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published).Include(c => c.Sections).ThenInclude(s => s.Lessons).AsSplitQuery().ToListAsync();
        var starter = courses.Single(c => c.Slug == "digital-foundations");
        var others = courses.Where(c => c != starter).ToList();
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var count = 0;
        var started = new List<(Enrolment, EnrolmentProgress, List<string>)>();
        foreach (var (userId, index) in userIds.Select((u, i) => (u, i)))
        {
            var mine = new[] { starter }.Concat(others.OrderBy(_ => random.Next()).Take(2));
            foreach (var course in mine)
            {
                var lessons = course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).Where(l => l.Kind != LessonKind.Quiz).ToList();
                var enrolment = new Enrolment
                {
                    CourseId = course.Id, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = now.AddDays(-random.Next(1, 200)),
                    DueOn = random.Next(3) == 0 ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(random.Next(-20, 60))) : null, Source = EnrolmentSource.Self,
                };
                db.Enrolments.Add(enrolment);
                count++;
                if (random.Next(2) == 0) continue;
                var complete = course != starter && random.Next(5) == 0;
                var done = complete ? lessons.Count : random.Next(1, lessons.Count);
                var progress = new EnrolmentProgress
                {
                    Status = complete ? ProgressStatus.Completed : ProgressStatus.InProgress, TimeSpent = TimeSpan.FromMinutes(5 * done),
                    LastActivityAt = now.AddDays(-random.Next(0, 30)), CompletedAt = complete ? now.AddDays(-random.Next(0, 30)) : null,
                };
                started.Add((enrolment, progress, lessons.Take(done).Select(l => l.Slug).ToList()));
            }
            if (index % 1000 == 999) await FlushAsync(db, started);
        }
        await FlushAsync(db, started);
        return count;
    }

    /// The progress rows name their enrolment by id, known once the enrolments are saved.
    private static async Task FlushAsync(LearningDbContext db, List<(Enrolment Enrolment, EnrolmentProgress Progress, List<string> Lessons)> started)
    {
        await db.SaveChangesAsync();
        foreach (var (enrolment, progress, lessons) in started)
        {
            progress.EnrolmentId = enrolment.Id;
            db.EnrolmentProgress.Add(progress);
            db.LessonProgress.AddRange(lessons.Select(slug => new LessonProgress { EnrolmentId = enrolment.Id, LessonSlug = slug, Status = ProgressStatus.Completed }));
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        started.Clear();
    }
}
