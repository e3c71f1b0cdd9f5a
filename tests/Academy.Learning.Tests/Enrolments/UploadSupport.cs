using System.Net;
using System.Text;
using Academy.Identity.Data;
using Academy.Learning.Enrolments.Uploads;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Enrolments;

/// Posting enrolment files as the upload page's form does, and waiting for the Hangfire job that applies them.
public static class UploadSupport
{
    public const string UploadPage = "/learning/enrolments/upload";

    public static Task<HttpResponseMessage> PostFileAsync(HttpClient client, byte[] bytes, string fileName = "enrolments.csv", string contentType = "text/csv")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "Upload", fileName);
        return Forms.PostMultipartAsync(client, UploadPage, content);
    }

    /// A CSV as Excel writes one: CRLF line ends, UTF-8 with a byte-order mark unless told otherwise.
    public static byte[] Csv(IEnumerable<string> lines, Encoding? encoding = null, bool byteOrderMark = true)
    {
        var text = string.Join("\r\n", lines) + "\r\n";
        if (encoding is not null) return encoding.GetBytes(text);
        var body = Encoding.UTF8.GetBytes(text);
        return byteOrderMark ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }

    public static string Uk(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// The upload a redirect points at (/learning/enrolments/uploads/{id}).
    public static int UploadId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to the upload, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result[..Math.Min(3000, response.Content.ReadAsStringAsync().Result.Length)]}");
        var path = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/learning/enrolments/uploads/", path);
        return int.Parse(path["/learning/enrolments/uploads/".Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient client, int uploadId) =>
        Forms.PostAsync(client, $"/learning/enrolments/uploads/{uploadId}?handler=apply", [], $"/learning/enrolments/uploads/{uploadId}");

    public static Task<EnrolmentUpload> UploadAsync(AcademySite site, int id) =>
        Arrange.DbAsync(site, db => db.EnrolmentUploads.AsNoTracking().SingleAsync(u => u.Id == id));

    /// Waits (up to 3 minutes) for the Hangfire job to apply the upload.
    public static async Task<EnrolmentUpload> WaitUntilAppliedAsync(AcademySite site, int id)
    {
        for (var i = 0; i < 1800; i++)
        {
            var upload = await UploadAsync(site, id);
            if (upload.Status == UploadStatus.Applied) return upload;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Upload {id} was not applied within 3 minutes: {(await UploadAsync(site, id)).Status}");
    }

    /// Many accounts at once, straight into Identity's tables (no passwords: these people never sign in in the test).
    public static Task<List<string>> PeopleAsync(AcademySite site, string prefix, int count, string? trust) => site.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AccountsDbContext>();
        var emails = Enumerable.Range(1, count).Select(i => $"{prefix}{i}@bulk.test").ToList();
        db.Users.AddRange(emails.Select(e => new AcademyUser
        {
            UserName = e, NormalizedUserName = e.ToUpperInvariant(), Email = e, NormalizedEmail = e.ToUpperInvariant(), EmailConfirmed = true,
            DisplayName = e.Split('@')[0], TrustOdsCode = trust, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return emails;
    });
}
