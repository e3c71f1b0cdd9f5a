using System.Net;
using System.Text;
using Academy.Learning.Enrolments;
using Academy.Learning.Enrolments.Uploads;
using Academy.Learning.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Learning.Tests.Enrolments.UploadSupport;

namespace Academy.Learning.Tests.Enrolments;

/// Bulk enrolment upload (issue 11 §2) through the real pages, on the real site with its Hangfire server.
public sealed class UploadTests(LearningSite site) : IClassFixture<LearningSite>
{
    private const string Trust = "RUP";
    private const string OtherTrust = "ROT";

    private async Task<HttpClient> CcioAsync(string trust = Trust) =>
        await site.SignInAsNewUserAsync(Arrange.NewEmail("ccio"), [Roles.Ccio], trust);

    private async Task<string> PersonAsync(string? trust = Trust, string? email = null)
    {
        email ??= Arrange.NewEmail("nurse");
        await site.CreateUserAsync(email, [Roles.Learner], trust);
        return email;
    }

    private Task<List<Enrolment>> EnrolmentsAsync(int courseId) =>
        Arrange.DbAsync(site, db => db.Enrolments.AsNoTracking().Where(e => e.CourseId == courseId).ToListAsync());

    [Fact]
    public async Task Post_FileWithEachKindOfError_ListsEveryBadRowByLineAndReason_AndKeepsNothing()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var (good, other) = (await PersonAsync(), await PersonAsync(OtherTrust));
        var due = Uk(Today.AddDays(30));
        var file = Csv([
            "email,course,due date",
            $"{good},{course.Slug},{due}",
            $"nobody-{Guid.NewGuid():N}@nowhere.test,{course.Slug},{due}",
            $"{other},{course.Slug},{due}",
            $"{good},no-such-course,{due}",
            $"{good},{course.Slug},31/02/2027",
            $"{good},{course.Slug},{due}",
            $"{good},{course.Slug},{Uk(Today.AddDays(-1))}",
        ]);

        var response = await PostFileAsync(ccio, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Upload", "6 rows of the file have problems: correct them and upload the file again");
        var text = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("6 of the file's 7 rows have problems", text);
        Assert.Contains($"3 nobody-", text);
        Assert.Contains("has an Academy account", text);
        Assert.Contains($"4 {other} {course.Slug} {due} {other} is not a member of your trust", text);
        Assert.Contains($"5 {good} no-such-course {due} No published course is called no-such-course", text);
        Assert.Contains("6 " + good + " " + course.Slug + " 31/02/2027 The due date 31/02/2027 is not a date", text);
        Assert.Contains("7 " + good + " " + course.Slug + " " + due + " Row 2 already enrols this person on this course (a duplicate row)", text);
        Assert.Contains("is in the past", text);
        Assert.DoesNotContain("2 " + good + " " + course.Slug + " " + due + " ", text);
        Assert.Empty(await EnrolmentsAsync(course.Id));
        Assert.Equal(0, await Arrange.DbAsync(site, db => db.EnrolmentUploads.CountAsync(u => u.RowCount == 7)));
    }

    [Fact]
    public async Task Post_CsvSavedByExcelWithAByteOrderMark_IsCheckedThenAppliedByTheJob()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site, "Cyber security basics " + Guid.NewGuid().ToString("N")[..6]);
        var (first, second) = (await PersonAsync(), await PersonAsync());
        var due = Today.AddDays(40);
        var file = Csv(["Email,Course,Due date", $"{first},{course.Title},{Uk(due)}", $"{second.ToUpperInvariant()},{course.Slug},"]);

        var upload = await PostFileAsync(ccio, file);
        var id = UploadId(upload);
        var preview = Html.Text(await (await ccio.GetAsync($"/learning/enrolments/uploads/{id}")).Content.ReadAsStringAsync());
        var applied = await ApplyAsync(ccio, id);
        var done = await WaitUntilAppliedAsync(site, id);
        var summary = Html.Text(await (await ccio.GetAsync($"/learning/enrolments/uploads/{id}")).Content.ReadAsStringAsync());

        Assert.Contains("Check the enrolments", preview);
        Assert.Contains("Enrolments 2", preview);
        Assert.Contains($"{course.Title} 2", preview);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal((2, 0, 0, 2), (done.Enrolled, done.AlreadyEnrolled, done.Skipped, done.Processed));
        Assert.Contains("Enrolled 2", summary);
        Assert.Contains("Already enrolled 0", summary);
        Assert.Contains("Skipped 0", summary);
        var enrolments = await EnrolmentsAsync(course.Id);
        Assert.Equal(2, enrolments.Count);
        Assert.All(enrolments, e => Assert.Equal(EnrolmentSource.Upload, e.Source));
        Assert.Contains(enrolments, e => e.DueOn == due);
        Assert.Contains(enrolments, e => e.DueOn is null);
    }

    [Fact]
    public async Task Post_Windows1252File_ReadsItsAccentedTextAndFindsTheCourseByItsTitle()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ccio = await CcioAsync();
        var title = "Sécurité de l'information pour José " + Guid.NewGuid().ToString("N")[..6];
        var course = await Arrange.PublishedCourseAsync(site, title);
        var person = await PersonAsync();
        var file = Csv(["Name,Email,Course,Due date", $"José Álvarez-Núñez,{person},{title},{Uk(Today.AddDays(10))}"], Encoding.GetEncoding(1252));
        Assert.DoesNotContain(file, b => b == 0xC3); // really Windows-1252: é is one byte, not UTF-8's two

        var id = UploadId(await PostFileAsync(ccio, file));
        await ApplyAsync(ccio, id);
        var done = await WaitUntilAppliedAsync(site, id);

        Assert.Equal(1, done.Enrolled);
        Assert.Equal(Today.AddDays(10), Assert.Single(await EnrolmentsAsync(course.Id)).DueOn);
    }

    [Fact]
    public async Task Post_XlsxMadeWithClosedXml_ReadsDateCellsSerialNumbersAndTextDates()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var people = new[] { await PersonAsync(), await PersonAsync(), await PersonAsync() };
        var dates = new[] { Today.AddDays(20), Today.AddDays(21), Today.AddDays(22) };
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Enrolments");
        sheet.Cell(1, 1).Value = "Email";
        sheet.Cell(1, 2).Value = "Course";
        sheet.Cell(1, 3).Value = "Due date";
        sheet.Cell(2, 1).Value = people[0];
        sheet.Cell(2, 2).Value = course.Slug;
        sheet.Cell(2, 3).Value = dates[0].ToDateTime(TimeOnly.MinValue);
        sheet.Cell(3, 1).Value = people[1];
        sheet.Cell(3, 2).Value = course.Title;
        sheet.Cell(3, 3).Value = dates[1].ToDateTime(TimeOnly.MinValue).ToOADate(); // a date whose format was lost: Excel's serial number
        sheet.Cell(4, 1).Value = people[2];
        sheet.Cell(4, 2).Value = course.Slug;
        sheet.Cell(4, 3).SetValue(Uk(dates[2])); // typed as text
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var id = UploadId(await PostFileAsync(ccio, stream.ToArray(), "enrolments.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        await ApplyAsync(ccio, id);
        await WaitUntilAppliedAsync(site, id);

        var enrolments = await EnrolmentsAsync(course.Id);
        Assert.Equal(dates, enrolments.Select(e => e.DueOn!.Value).Order().ToArray());
    }

    [Fact]
    public async Task Post_TheSameFileTwice_ShowsTheFirstUpload_AndApplyingTwiceAppliesOnce()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var file = Csv([$"{await PersonAsync()},{course.Slug},"]);

        var first = UploadId(await PostFileAsync(ccio, file));
        var again = await PostFileAsync(ccio, file);
        var applies = await Task.WhenAll(ApplyAsync(ccio, first), ApplyAsync(ccio, first));
        var done = await WaitUntilAppliedAsync(site, first);
        var afterwards = await ApplyAsync(ccio, first);

        Assert.Equal($"/learning/enrolments/uploads/{first}?again=true", again.Headers.Location!.OriginalString);
        Assert.Contains("You uploaded this file before", await (await ccio.GetAsync(again.Headers.Location)).Content.ReadAsStringAsync());
        Assert.All(applies, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        await Task.Delay(1500); // a second job, had one been queued, would have run by now (the job server polls every second)
        var after = await UploadAsync(site, first);
        Assert.Equal((1, 0, 1), (done.Enrolled, done.AlreadyEnrolled, done.Processed));
        Assert.Equal((1, 0, 1), (after.Enrolled, after.AlreadyEnrolled, after.Processed));
        Assert.Single(await EnrolmentsAsync(course.Id));
        Assert.Equal(1, await Arrange.DbAsync(site, db => db.EnrolmentUploads.CountAsync(u => u.ContentHash == UploadRules.Hash(file))));
    }

    // The files are made in the test, not in the theory's data: xunit shows every argument in the test's name.
    private static byte[] BadFile(string what) => what switch
    {
        "oversized" => new byte[EnrolmentFile.MaxBytes + 1],
        "empty" => [],
        "a PNG image" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        "a broken workbook" => [.. "PK\u0003\u0004"u8, .. new byte[200]],
        "an old .xls workbook" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        "only a header" => Csv(["email,course,due date"]),
        "too many rows" => Csv(Enumerable.Range(0, EnrolmentFile.MaxRows + 1).Select(i => $"p{i}@x.test,c,")),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [InlineData("oversized", "The selected file must be smaller than 5MB")]
    [InlineData("empty", "The selected file is empty")]
    [InlineData("a PNG image", "The selected file is not a CSV file or an Excel workbook")]
    [InlineData("a broken workbook", "The selected file is not an Excel workbook that can be read: save it again from Excel as .xlsx or CSV")]
    [InlineData("an old .xls workbook", "The selected file is an old Excel 97-2003 workbook (.xls): save it as an Excel workbook (.xlsx) or CSV")]
    [InlineData("only a header", "The selected file has no enrolments in it")]
    [InlineData("too many rows", "The selected file has more than 20,000 rows: split it into smaller files")]
    public async Task Post_BadFile_SaysWhyBesideTheUploadField(string what, string message)
    {
        var ccio = await CcioAsync();
        var before = await Arrange.DbAsync(site, db => db.EnrolmentUploads.CountAsync());

        var response = await PostFileAsync(ccio, BadFile(what), "file.csv");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        await Html.AssertHasFieldErrorAsync(response, "Upload", message);
        Assert.Equal(before, await Arrange.DbAsync(site, db => db.EnrolmentUploads.CountAsync()));
    }

    [Fact]
    public async Task Post_WithoutAFilePart_SaysSelectAFile()
    {
        var ccio = await CcioAsync();

        var response = await Forms.PostAsync(ccio, UploadPage, new() { ["Upload"] = "not a file" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Upload", "Select a CSV or Excel file");
    }

    [Fact]
    public async Task Apply_TenThousandRows_ByTheHangfireJob_CountsProgressAndGivesTheSummary()
    {
        var ccio = await CcioAsync();
        var courses = new[] { await Arrange.PublishedCourseAsync(site), await Arrange.PublishedCourseAsync(site), await Arrange.PublishedCourseAsync(site), await Arrange.PublishedCourseAsync(site) };
        var people = await PeopleAsync(site, $"bulk{Guid.NewGuid():N}"[..14], 2500, Trust);
        // 100 of them are on the first course already: applying leaves them as they are.
        var accounts = await site.WithServicesAsync(sp => sp.GetRequiredService<Academy.Modules.IStaffDirectory>().ByEmailAsync(people.Take(100)));
        foreach (var account in accounts) await site.EnrolAsync(account.UserId, courses[0]);
        var due = Uk(Today.AddDays(60));
        var file = Csv(people.SelectMany(p => courses.Select(c => $"{p},{c.Slug},{due}")));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var check = await PostFileAsync(ccio, file);
        var checkedIn = watch.Elapsed;
        var id = UploadId(check);
        await ApplyAsync(ccio, id);
        var seen = new List<int>();
        EnrolmentUpload done;
        while ((done = await UploadAsync(site, id)).Status != UploadStatus.Applied)
        {
            seen.Add(done.Processed);
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5), "The job did not finish within 5 minutes");
            await Task.Delay(200);
        }
        var applied = watch.Elapsed - checkedIn;
        var page = Html.Text(await (await ccio.GetAsync($"/learning/enrolments/uploads/{id}")).Content.ReadAsStringAsync());

        Console.WriteLine($"10,000-row upload: checked in {checkedIn.TotalSeconds:F1} s, applied by the job in {applied.TotalSeconds:F1} s");
        Assert.Equal((10_000, 9_900, 100, 0, 10_000), (done.RowCount, done.Enrolled, done.AlreadyEnrolled, done.Skipped, done.Processed));
        Assert.Contains("Enrolled 9,900", page);
        Assert.Contains("Already enrolled 100", page);
        Assert.Equal(seen.Order(), seen); // the bar only moves forward
        Assert.Equal(2500, (await EnrolmentsAsync(courses[3].Id)).Count);
    }

    [Fact]
    public async Task ProgressPage_WhileQueued_ShowsTheBarAndItsRowsAsText()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var id = UploadId(await PostFileAsync(ccio, Csv([$"{await PersonAsync()},{course.Slug},"])));
        // Queued as Apply queues it, without the job (so that the page is caught before it runs).
        await Arrange.DbAsync(site, db => db.EnrolmentUploads.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UploadStatus.Queued)));

        var html = await (await ccio.GetAsync($"/learning/enrolments/uploads/{id}")).Content.ReadAsStringAsync();
        var json = await (await ccio.GetAsync($"/learning/enrolments/uploads/{id}?handler=progress")).Content.ReadAsStringAsync();

        Assert.Contains("<progress id=\"progress\" max=\"1\" value=\"0\">0 of 1 rows</progress>", html);
        Assert.Contains($"href=\"/learning/enrolments/uploads/{id}\" id=\"refresh\"", html);
        Assert.Contains("\"text\":\"0 of 1 rows\"", json);
        Assert.Contains("\"done\":false", json);
    }

    [Fact]
    public async Task Upload_ByAnotherTrustsCcio_IsNotFound_AndLearnersAreForbidden()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var id = UploadId(await PostFileAsync(ccio, Csv([$"{await PersonAsync()},{course.Slug},"])));
        var otherCcio = await CcioAsync(OtherTrust);
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], Trust);

        Assert.Equal(HttpStatusCode.NotFound, (await otherCcio.GetAsync($"/learning/enrolments/uploads/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCcio.GetAsync($"/learning/enrolments/uploads/{id}?handler=progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostAsync(otherCcio, $"/learning/enrolments/uploads/{id}?handler=apply", [], UploadPage)).StatusCode);
        foreach (var url in new[] { UploadPage, $"/learning/enrolments/uploads/{id}" })
        {
            var denied = await learner.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(denied.Headers.Location)).StatusCode);
        }
        Assert.Equal(UploadStatus.Ready, (await UploadAsync(site, id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignInAsAdministratorAsync()).GetAsync($"/learning/enrolments/uploads/{id}")).StatusCode);
    }

    [Fact]
    public async Task Post_WithoutAntiForgeryToken_Returns400AndKeepsNothing()
    {
        var ccio = await CcioAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var content = new MultipartFormDataContent { { new ByteArrayContent(Csv([$"{await PersonAsync()},{course.Slug},"])), "Upload", "file.csv" } };

        var response = await ccio.PostAsync(UploadPage, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await EnrolmentsAsync(course.Id));
    }

    [Fact]
    public async Task Post_AsAdministrator_EnrolsPeopleOfAnyTrust()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var course = await Arrange.PublishedCourseAsync(site);
        var file = Csv([$"{await PersonAsync(Trust)},{course.Slug},", $"{await PersonAsync(OtherTrust)},{course.Slug},", $"{await PersonAsync(trust: null)},{course.Slug},"]);

        var id = UploadId(await PostFileAsync(admin, file));
        await ApplyAsync(admin, id);

        Assert.Equal(3, (await WaitUntilAppliedAsync(site, id)).Enrolled);
    }
}
