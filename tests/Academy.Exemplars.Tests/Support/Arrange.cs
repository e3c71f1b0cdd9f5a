using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Support;

/// Test data written straight to the module's tables, for tests that are about something else.
public static class Arrange
{
    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@trust.test";

    public static Task<HttpClient> LeadAsync(AcademySite site, string ods) => site.SignInAsNewUserAsync(NewEmail("lead-" + ods.ToLowerInvariant()), [Roles.TrustLead], ods);
    public static Task<HttpClient> ReviewerAsync(AcademySite site) => site.SignInAsNewUserAsync(NewEmail("reviewer"), [Roles.NationalReviewer]);

    /// An account in a role that is never signed in: someone the module should email.
    public static async Task<string> PersonAsync(AcademySite site, string who, string role, string? ods = null, string? name = null)
    {
        var email = NewEmail(who);
        await site.CreateUserAsync(email, [role], ods, name: name);
        return email;
    }

    public static Task<T> DbAsync<T>(AcademySite site, Func<ExemplarsDbContext, Task<T>> action) =>
        site.WithServicesAsync(services => action(services.GetRequiredService<ExemplarsDbContext>()));

    /// The recipe's programmes ended in 2020 (closed: no reminders, nothing overdue); a test of a running programme moves its end.
    public static Task<int> ProgrammesRunUntilAsync(AcademySite site, DateOnly end) =>
        DbAsync(site, db => db.Programmes.ExecuteUpdateAsync(s => s.SetProperty(p => p.EndDate, end)));

    public static Task<int> ParticipationIdAsync(AcademySite site, string ods) =>
        DbAsync(site, db => db.Participations.Where(p => p.Trust.OdsCode == ods).Select(p => p.Id).FirstAsync());

    public static Task<int> MilestoneAsync(AcademySite site, string ods, Action<Milestone>? configure = null) => DbAsync(site, async db =>
    {
        var participationId = await db.Participations.Where(p => p.Trust.OdsCode == ods).Select(p => p.Id).FirstAsync();
        var milestone = new Milestone
        {
            ParticipationId = participationId, CapabilityArea = CapabilityArea.Epr, Title = "EPR go-live " + Guid.NewGuid().ToString("N")[..6],
            BaselineDate = new DateOnly(2018, 4, 1), ForecastDate = new DateOnly(2018, 4, 1), Status = MilestoneStatus.OnTrack,
        };
        configure?.Invoke(milestone);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    });

    /// A milestone achieved with one evidence file (no bytes on disk: enough for claims and returns).
    public static Task<int> AchievedMilestoneAsync(AcademySite site, string ods) => MilestoneAsync(site, ods, m =>
    {
        m.Status = MilestoneStatus.Achieved;
        m.ActualDate = new DateOnly(2018, 3, 20);
        m.Evidence.Add(new EvidenceFile { ParticipationId = m.ParticipationId, FileName = "go-live.pdf", ContentType = "application/pdf", Length = 10, StoredName = "none", UploadedBy = "arrange" });
    });

    public static Task<int> LessonAsync(AcademySite site, string ods, LessonStatus status = LessonStatus.Draft) => DbAsync(site, async db =>
    {
        var lesson = new Lesson
        {
            ParticipationId = await db.Participations.Where(p => p.Trust.OdsCode == ods).Select(p => p.Id).FirstAsync(),
            Title = "Paper drug charts", CapabilityArea = CapabilityArea.Epr, Context = "A 900-bed acute trust.", WhatHappened = "Wards went live one by one.",
            WhatToRepeat = "Floor-walkers.", Tags = "go-live", Status = status, PublishedAt = status == LessonStatus.Published ? DateTimeOffset.UtcNow : null,
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync();
        return lesson.Id;
    });

    public static Dictionary<string, string> MilestoneFields(string title = "Go live with e-prescribing", string baseline = "2018-04-01", string forecast = "2018-04-01",
        string status = "OnTrack", string actual = "", string area = "MedicinesAndEPrescribing") => new()
    {
        ["Form.CapabilityArea"] = area, ["Form.Title"] = title, ["Form.Description"] = "All wards prescribe electronically.",
        ["Form.BaselineDate"] = baseline, ["Form.ForecastDate"] = forecast, ["Form.ActualDate"] = actual, ["Form.Status"] = status,
    };

    // The trust's workforce in the Digital Academy (issue 11 §7), through Learning's own rules.

    /// A member of staff of the trust enrolled on the starter recipe's published course, due on the given day.
    public static async Task<string> StaffOnTheStarterCourseAsync(AcademySite site, string ods, DateOnly dueOn)
    {
        var userId = await site.CreateUserAsync(NewEmail("staff"), [Roles.Learner], ods);
        await site.WithServicesAsync(async s =>
        {
            var course = await s.GetRequiredService<Academy.Learning.Data.LearningDbContext>().Courses.SingleAsync(c => c.Slug == "digital-foundations");
            return (await s.GetRequiredService<Academy.Learning.Enrolments.EnrolmentRules>()
                .EnrolAsync(course, userId, Academy.Learning.Enrolments.EnrolmentSource.Self, dueOn, CancellationToken.None)).Created;
        });
        return userId;
    }

    /// People of the trust who take the self-assessment through its own rules (its statements go to the LRS), each rating
    /// every statement with the given now and need.
    public static async Task SelfAssessedAsync(AcademySite site, string ods, params (int Now, int Need)[] people)
    {
        foreach (var (now, need) in people)
        {
            var userId = await site.CreateUserAsync(NewEmail("assessed"), [Roles.Learner], ods);
            await site.WithServicesAsync(async s =>
            {
                var rules = s.GetRequiredService<Academy.Learning.SelfAssessment.SelfAssessmentRules>();
                foreach (var domain in Academy.Learning.SelfAssessment.CapabilityStatements.Domains)
                    await rules.SaveDomainAsync(userId, domain.Domain,
                        Academy.Learning.SelfAssessment.CapabilityStatements.For(domain.Domain).ToDictionary(i => i.Key, _ => (now, need)), CancellationToken.None);
                var (outcome, _) = await rules.SubmitAsync(userId, ods, CancellationToken.None);
                return outcome == Academy.Learning.SelfAssessment.SelfAssessmentRules.SubmitOutcome.Submitted ? outcome
                    : throw new InvalidOperationException($"The self-assessment was not submitted: {outcome}");
            });
        }
    }
}
