using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Academy;
using Academy.Data;
using Academy.Identity.Data;
using Academy.Learning;
using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Testing;
using Academy.Xapi.Data;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verbs = Academy.Learning.LearningActivities.Verbs;

/// The CCIO dashboard under load (`dashboard` mode, issue 11): one cohort of `learners` staff of RLN on `courses`
/// courses (every member enrolled on every course through the cohort), and `statements` xAPI statements for those
/// enrolments in the LRS. A CCIO of RLN signs in through the real page; `clients` concurrent clients then GET the
/// dashboard, its overdue filter, a learner's page (their statements as a timeline, read from the LRS) and the
/// trust's exemplar page and skills API (the trust summary) for `seconds` each.
///
/// How the data is made (posting 2,000,000 statements over HTTP would take hours here): accounts, the cohort, its
/// members, enrolments, grants and progress rows are written through the modules' DbContexts; the statements are
/// inserted straight into the LRS's tables (XapiStatements and XapiStatementKeys, with the keys the LRS's writer
/// computes, StatementShape.Keys), as bench/Academy.Bench's generated store is. The progress follower is off, and each
/// enrolment's progress row is written to agree with its statements (not started, in progress, or passed with a
/// score and completed), so the projection has nothing to apply. The pages are measured at each size in
/// `--measure-at` (statements), so that a run cut short still has figures for the sizes it reached.
internal static class DashboardBench
{
    private const string Trust = "RLN";
    private const string CcioEmail = "bench-ccio@rln.bench.test";
    private static readonly string[] Lessons = ["one", "two", "three", "four"];

    public static async Task RunAsync(AcademySite site, int learners, int courses, long statements, long[] measureAt, int clients, int seconds)
    {
        Console.WriteLine($"CCIO dashboard: {learners:N0} learners x {courses} courses, up to {statements:N0} statements, {clients} concurrent clients, {seconds} s per page, {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        await site.CreateUserAsync(CcioEmail, [Roles.Ccio], Trust, name: "Bench CCIO");
        var users = await SeedLearnersAsync(site.Services, learners);
        var (cohortId, enrolments) = await SeedCohortAsync(site.Services, users, courses);
        Console.WriteLine($"Seeded {learners:N0} learners, a cohort of {courses} courses, {enrolments.Count:N0} enrolments with progress rows in {clock.Elapsed.TotalSeconds:0.0} s");

        using var http = await PageLoad.SignInAsync(site.ServerAddress, CcioEmail, "a-long-enough-password", clients);
        var learner = enrolments.First(e => e.Kind == Kind.Complete).UserId;
        string[] pages =
        [
            $"/learning/cohorts/{cohortId}", $"/learning/cohorts/{cohortId}?Status=Overdue", $"/learning/cohorts/{cohortId}/learners/{learner}",
            $"/exemplars/trusts/{Trust}", $"/api/exemplars/trusts/{Trust}/workforce-skills",
        ];
        var writer = new StatementWriter(site.Services.GetRequiredService<ModuleDbContextFactory<XapiDbContext>>(), site.Services.GetRequiredService<LearningActivities>());
        var stream = Statements(enrolments, statements).GetEnumerator();
        long written = 0;
        foreach (var size in measureAt.Where(s => s <= statements).Append(statements).Distinct().Order())
        {
            clock.Restart();
            var added = await writer.InsertAsync(stream, size - written);
            written += added;
            Console.WriteLine();
            Console.WriteLine($"{written:N0} statements in the LRS ({added:N0} inserted in {clock.Elapsed.TotalSeconds:0.0} s, {added / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s); {DateTime.UtcNow:HH:mm} UTC, load {Load()}");
            // What the pages hold at this size, so that a fast page is not an empty one.
            var dashboardHtml = await http.GetStringAsync(pages[0]);
            var timeline = await http.GetStringAsync(pages[2]);
            Console.WriteLine($"Dashboard: {System.Text.RegularExpressions.Regex.Match(dashboardHtml, @"<p>([\d,]+) enrolments").Groups[1].Value} enrolments in the grid; the learner's page: {timeline.Split("Lesson one").Length - 1} mentions of \"Lesson one\", {timeline.Split("completed Cohort course").Length - 1} of a completed course");
            Console.WriteLine(PageLoad.Header);
            foreach (var url in pages)
                Console.WriteLine((await PageLoad.MeasureAsync([http], url, clients, TimeSpan.FromSeconds(seconds), warmUp: TimeSpan.FromSeconds(3))).Row);
            if (written < size) break;
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private enum Kind { NotStarted, InProgress, Complete }

    private sealed record Seeded(int EnrolmentId, string UserId, Guid Registration, string CourseSlug, DateTimeOffset EnrolledAt, Kind Kind);

    /// Staff of the trust with no password (only the CCIO signs in).
    private static async Task<List<string>> SeedLearnersAsync(IServiceProvider services, int learners)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Learner);
        var ids = new List<string>();
        for (var i = 0; i < learners; i++)
        {
            var email = $"nurse{i:00000}@rln.bench.test";
            var user = new AcademyUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                DisplayName = $"Nurse {i:00000}", TrustOdsCode = Trust, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            ids.Add(user.Id);
            if (i % 2000 == 1999) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// The cohort, its courses (due 60 days after joining), every learner as a member enrolled on every course
    /// through it, and progress rows: a third not started, a third in progress, a third complete; members joined
    /// 1 to 120 days ago, so about half of what is not complete is overdue.
    private static async Task<(int CohortId, List<Seeded> Enrolments)> SeedCohortAsync(IServiceProvider services, List<string> users, int courses)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var ccio = await accounts.Users.Where(u => u.Email == CcioEmail).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var made = Enumerable.Range(1, courses).Select(c => new Course
        {
            Slug = $"cohort-course-{c}", Title = $"Cohort course {c}", Summary = "s", Domain = (CapabilityDomain)(c % 6), EstimatedMinutes = 30, ValidityMonths = 12,
            CompletionRule = "View every lesson and pass the check.", Status = CourseStatus.Published, PublishedAt = now, UpdatedAt = now,
            Sections = [new Section { Position = 1, Title = "Section", Lessons = [.. Lessons.Select((slug, i) => new Lesson { Position = i + 1, Slug = slug, Title = $"Lesson {slug}", Kind = LessonKind.Page, Minutes = 5 }),
                new Lesson { Position = 5, Slug = "check", Title = "Check", Kind = LessonKind.Quiz, Minutes = 5, PassMark = 80 }] }],
        }).ToList();
        db.Courses.AddRange(made);
        var cohort = new Cohort { TrustOdsCode = Trust, Name = "Bench nurses", CreatedAt = now.AddDays(-200) };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        db.CohortLeads.Add(new CohortLead { CohortId = cohort.Id, UserId = ccio });
        db.CohortCourses.AddRange(made.Select(c => new CohortCourse { CohortId = cohort.Id, CourseId = c.Id, DueDaysAfterJoining = 60, AddedAt = now.AddDays(-200) }));
        await db.SaveChangesAsync();

        var random = new Random(5);
        var seeded = new List<Seeded>();
        foreach (var chunk in users.Select((u, i) => (UserId: u, Index: i)).Chunk(500))
        {
            var batch = new List<(Enrolment Enrolment, Kind Kind, string Slug)>();
            foreach (var (userId, index) in chunk)
            {
                var joined = now.AddDays(-random.Next(1, 121));
                db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = userId, Email = $"nurse{index:00000}@rln.bench.test", JoinedAt = joined });
                foreach (var course in made)
                {
                    var enrolment = new Enrolment { CourseId = course.Id, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = joined,
                        DueOn = DateOnly.FromDateTime(joined.UtcDateTime).AddDays(60), Source = EnrolmentSource.Cohort };
                    db.Enrolments.Add(enrolment);
                    batch.Add((enrolment, (Kind)random.Next(3), course.Slug));
                }
            }
            await db.SaveChangesAsync();
            foreach (var (enrolment, kind, slug) in batch)
            {
                db.EnrolmentGrants.Add(new EnrolmentGrant { EnrolmentId = enrolment.Id, Source = EnrolmentSource.Cohort, CohortId = cohort.Id, GrantedAt = enrolment.EnrolledAt });
                seeded.Add(new Seeded(enrolment.Id, enrolment.UserId, enrolment.Registration, slug, enrolment.EnrolledAt, kind));
                if (kind == Kind.NotStarted) continue;
                var completed = kind == Kind.Complete ? enrolment.EnrolledAt.AddDays(random.Next(1, 30)) : (DateTimeOffset?)null;
                if (completed > now) completed = now;
                db.EnrolmentProgress.Add(new EnrolmentProgress
                {
                    EnrolmentId = enrolment.Id, Status = kind == Kind.Complete ? ProgressStatus.Passed : ProgressStatus.InProgress, ScoreScaled = kind == Kind.Complete ? 0.9 : null,
                    TimeSpent = TimeSpan.FromMinutes(kind == Kind.Complete ? 25 : 10), LastActivityAt = completed ?? now.AddDays(-random.Next(0, 20)), CompletedAt = completed,
                    CompletedOn = completed is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
                    ExpiresOn = completed is { } done ? DateOnly.FromDateTime(done.UtcDateTime).AddMonths(12) : null,
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (cohort.Id, seeded);
    }

    /// Statements for the started enrolments, round by round (each round gives every started enrolment its next
    /// statement), so that any prefix is spread over the whole cohort: experienced and progressed lessons, answers,
    /// and for a complete enrolment its passed check (score 0.9) and the course's completed.
    private static IEnumerable<(Seeded Enrolment, int Step)> Statements(List<Seeded> enrolments, long total)
    {
        var started = enrolments.Where(e => e.Kind != Kind.NotStarted).ToList();
        long count = 0;
        for (var step = 0; count < total; step++)
            foreach (var e in started)
            {
                if (count++ >= total) yield break;
                yield return (e, step);
            }
    }

    /// Inserts rows as the LRS's one writer stores them (sequence, id, stored ticks, credential, JSON, keys), with
    /// reused parameterised commands, 5,000 a transaction: bench/Academy.Bench's Inserter, over this cohort's data.
    private sealed class StatementWriter(ModuleDbContextFactory<XapiDbContext> contexts, LearningActivities activities)
    {
        private const int PerTransaction = 5_000;

        public async Task<long> InsertAsync(IEnumerator<(Seeded Enrolment, int Step)> stream, long count)
        {
            await using var db = contexts.Create();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536");
            var connection = db.Database.GetDbConnection();
            var credential = await db.Database.SqlQueryRaw<int>("SELECT MIN(Id) AS Value FROM XapiCredentials").SingleAsync();
            long written = 0;
            while (written < count)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                long sequence;
                await using (var max = connection.CreateCommand())
                {
                    max.Transaction = transaction;
                    max.CommandText = "SELECT COALESCE(MAX(Sequence), 0) FROM XapiStatements";
                    sequence = (long)(await max.ExecuteScalarAsync())!;
                }
                await using var statement = Command(connection, transaction, $"INSERT INTO XapiStatements (Sequence, Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) VALUES (@s, @id, @stored, {credential}, 0, 0, '1.0.3', @json)", "@s", "@id", "@stored", "@json");
                await using var key = Command(connection, transaction, "INSERT INTO XapiStatementKeys (Kind, Hash, Sequence) VALUES (@k, @h, @s)", "@k", "@h", "@s");
                // Stored in commit order, as the writer stores them; the timestamp says when the learner did it.
                var stored = DateTimeOffset.UtcNow;
                var inThis = 0;
                while (inThis < PerTransaction && written < count && stream.MoveNext())
                {
                    var (e, step) = stream.Current;
                    var json = Json(e, step, credential, stored);
                    sequence++;
                    statement.Parameters[0].Value = sequence;
                    statement.Parameters[1].Value = json["id"]!.GetValue<string>();
                    statement.Parameters[2].Value = stored.UtcTicks;
                    statement.Parameters[3].Value = json.ToJsonString();
                    await statement.ExecuteNonQueryAsync();
                    foreach (var (kind, hash) in StatementShape.Keys(json))
                    {
                        key.Parameters[0].Value = (byte)kind;
                        key.Parameters[1].Value = hash;
                        key.Parameters[2].Value = sequence;
                        await key.ExecuteNonQueryAsync();
                    }
                    inThis++;
                    written++;
                }
                await transaction.CommitAsync();
                if (inThis == 0) break;
            }
            return written;
        }

        private JsonObject Json(Seeded e, int step, int credential, DateTimeOffset stored)
        {
            var lesson = Lessons[step % Lessons.Length];
            // A complete enrolment's steps 8 and 9 are its pass and completion; everything else is lesson activity.
            var (verb, activity, result) = (e.Kind, step) switch
            {
                (Kind.Complete, 8) => (Verbs.Passed, activities.Lesson(e.CourseSlug, "check"), new JsonObject { ["success"] = true, ["score"] = new JsonObject { ["scaled"] = 0.9 } }),
                (Kind.Complete, 9) => (Verbs.Completed, activities.Course(e.CourseSlug), new JsonObject { ["completion"] = true }),
                (_, var s) when s % 3 == 2 => (Verbs.Answered, activities.Question(e.CourseSlug, "check", 1 + s % 4), new JsonObject { ["success"] = s % 2 == 0 }),
                (_, var s) when s % 3 == 1 => (Verbs.Progressed, activities.Lesson(e.CourseSlug, lesson), (JsonObject?)null),
                _ => (Verbs.Experienced, activities.Lesson(e.CourseSlug, lesson), null),
            };
            var at = e.EnrolledAt.AddMinutes(step);
            var json = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["actor"] = Academy.Xapi.Contracts.XapiAgent.Learner(e.UserId).ToJson(),
                ["verb"] = new JsonObject { ["id"] = verb },
                ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activity },
                ["context"] = new JsonObject { ["registration"] = e.Registration.ToString(), ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = activities.Course(e.CourseSlug) }) } },
                ["timestamp"] = at.ToString("O"),
                ["stored"] = stored.ToString("O"),
                ["version"] = "1.0.3",
                ["authority"] = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = "https://academy.example", ["name"] = $"credential-{credential}" } },
            };
            if (result is not null) json["result"] = result;
            return json;
        }

        private static DbCommand Command(DbConnection connection, DbTransaction transaction, string text, params string[] names)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            foreach (var name in names)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
            }
            command.Prepare();
            return command;
        }
    }
}
