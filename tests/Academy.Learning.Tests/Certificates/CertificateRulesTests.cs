using Academy.Learning.Certificates;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Tests.Certificates;

/// Issuing and withdrawing through ICourseCompletionListener, as the progress projection calls it.
public sealed class CertificateRulesTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Completed_ForAnEnrolment_IssuesACertificateNamingTheLearnerAndCourse()
    {
        var userId = await site.CreateUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], name: "Amara Okafor");
        var course = await Arrange.PublishedCourseAsync(site, "Cyber security for ward staff", validityMonths: 12);
        var enrolmentId = await Arrange.EnrolmentAsync(site, userId, course.Id);
        var statementId = Guid.NewGuid();
        var completedAt = new DateTimeOffset(2026, 3, 31, 14, 0, 0, TimeSpan.Zero);

        await Arrange.CompletedAsync(site, enrolmentId, statementId, completedAt);

        var certificate = Assert.Single(await Arrange.CertificatesAsync(site, enrolmentId));
        Assert.Equal("Amara Okafor", certificate.LearnerName);
        Assert.Equal("Cyber security for ward staff", certificate.CourseTitle);
        Assert.Equal(statementId, certificate.CompletionStatementId);
        Assert.Equal(completedAt, certificate.IssuedAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 14, 0, 0, TimeSpan.Zero), certificate.ValidUntil);
        Assert.Null(certificate.WithdrawnAt);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", certificate.Code);
    }

    [Fact]
    public async Task Completed_TwiceForTheSameStatement_IssuesOneCertificate()
    {
        var (certificate, _, enrolmentId) = await Arrange.CertificateAsync(site);

        await Arrange.CompletedAsync(site, enrolmentId, certificate.CompletionStatementId, certificate.IssuedAt);

        Assert.Equal(certificate.Code, Assert.Single(await Arrange.CertificatesAsync(site, enrolmentId)).Code);
    }

    [Fact]
    public async Task Completed_ByASecondStatementOfTheSameEnrolment_KeepsTheFirstCertificate()
    {
        var (certificate, _, enrolmentId) = await Arrange.CertificateAsync(site);

        await Arrange.CompletedAsync(site, enrolmentId, Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.Equal(certificate.Code, Assert.Single(await Arrange.CertificatesAsync(site, enrolmentId)).Code);
    }

    [Fact]
    public async Task Completed_ForACourseThatNeverExpires_HasNoValidUntil()
    {
        var (certificate, _, _) = await Arrange.CertificateAsync(site, validityMonths: 0);

        Assert.Null(certificate.ValidUntil);
    }

    [Fact]
    public async Task Completed_ThenTheCourseIsRenamed_TheCertificateKeepsTheTitleItWasIssuedWith()
    {
        var (certificate, _, enrolmentId) = await Arrange.CertificateAsync(site, courseTitle: "Information governance");

        await Arrange.DbAsync(site, db => db.Courses.Where(c => db.Enrolments.Any(e => e.Id == enrolmentId && e.CourseId == c.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Title, "Information governance (2027)")));

        Assert.Equal("Information governance", Assert.Single(await Arrange.CertificatesAsync(site, enrolmentId)).CourseTitle);
    }

    [Fact]
    public async Task CompletionWithdrawn_ForTheStatementThatEarnedIt_WithdrawsTheCertificate()
    {
        var (certificate, _, enrolmentId) = await Arrange.CertificateAsync(site);

        await Arrange.WithdrawnAsync(site, enrolmentId, certificate.CompletionStatementId);

        var withdrawn = Assert.Single(await Arrange.CertificatesAsync(site, enrolmentId));
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal(CertificateStatus.Withdrawn, withdrawn.StatusAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task CompletionWithdrawn_ForAnotherStatement_LeavesTheCertificateValid()
    {
        var (certificate, _, enrolmentId) = await Arrange.CertificateAsync(site);

        await Arrange.WithdrawnAsync(site, enrolmentId, Guid.NewGuid());

        Assert.Null(Assert.Single(await Arrange.CertificatesAsync(site, enrolmentId)).WithdrawnAt);
    }

    [Fact]
    public async Task Completed_AgainAfterTheFirstCompletionWasVoided_IssuesANewCertificateWithANewCode()
    {
        var (first, _, enrolmentId) = await Arrange.CertificateAsync(site);
        await Arrange.WithdrawnAsync(site, enrolmentId, first.CompletionStatementId);
        var second = Guid.NewGuid();

        await Arrange.CompletedAsync(site, enrolmentId, second, DateTimeOffset.UtcNow);
        await Arrange.CompletedAsync(site, enrolmentId, first.CompletionStatementId, first.IssuedAt);

        var certificates = await Arrange.CertificatesAsync(site, enrolmentId);
        Assert.Equal(2, certificates.Count);
        Assert.NotNull(certificates[0].WithdrawnAt);
        Assert.Equal(second, certificates[1].CompletionStatementId);
        Assert.Null(certificates[1].WithdrawnAt);
        Assert.NotEqual(certificates[0].Code, certificates[1].Code);
    }

    [Fact]
    public async Task Completed_ForTwoEnrolmentsAtOnce_IssuesOneEach()
    {
        var userId = await site.CreateUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], name: "Sam Lee");
        var enrolments = new List<int>();
        for (var i = 0; i < 4; i++) enrolments.Add(await Arrange.EnrolmentAsync(site, userId, (await Arrange.PublishedCourseAsync(site)).Id));

        // Each completion twice and concurrently, as two web nodes' projections might.
        await Task.WhenAll(enrolments.SelectMany(id => { var statement = Guid.NewGuid(); return new[] { statement, statement }.Select(s => Arrange.CompletedAsync(site, id, s, DateTimeOffset.UtcNow)); }));

        foreach (var id in enrolments) Assert.Single(await Arrange.CertificatesAsync(site, id));
    }
}
