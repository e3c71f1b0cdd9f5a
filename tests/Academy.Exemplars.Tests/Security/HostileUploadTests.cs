using System.Net;
using System.Text;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Security;

/// Issue 8, point 6: an upload whose filename holds a quote or a line break is answered 400 or stored with a
/// harmless name, and its download still works: never a 500. The bodies are written by hand, as an attacker would.
public sealed class HostileUploadTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Ods = "RA7";

    [Theory]
    [InlineData("filename=\"report\"evil.pdf\"")]
    [InlineData("filename=\"report\r\nX-Injected: yes.pdf\"")]
    [InlineData("filename*=UTF-8''report%0D%0AX-Injected%3A%20yes%22.pdf")]
    [InlineData("filename*=UTF-8''%22quoted%22%00.pdf")]
    [InlineData("filename*=UTF-8''report%E2%80%AEfdp.exe.pdf")]
    public async Task Upload_WithAQuoteOrLineBreakInTheFilename_IsRefusedOrStoredSafelyNever500(string filename)
    {
        var lead = await Arrange.LeadAsync(site, Ods);
        var id = await Arrange.MilestoneAsync(site, Ods);
        var page = await (await lead.GetAsync($"/exemplars/milestones/{id}")).Content.ReadAsStringAsync();
        const string boundary = "----academy-hostile";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{Forms.AntiForgeryToken(page)}\r\n" +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"Evidence\"; {filename}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\nhello\r\n" +
                   $"--{boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        var response = await lead.PostAsync($"/exemplars/milestones/{id}?handler=Upload", content);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK or HttpStatusCode.Redirect, $"Answered {(int)response.StatusCode}");
        var stored = await Arrange.DbAsync(site, db => db.EvidenceFiles.AsNoTracking().Where(e => e.MilestoneId == id).ToListAsync());
        foreach (var file in stored)
        {
            Assert.DoesNotContain(file.FileName, c => char.IsControl(c) || c == '"' || c == '\u202E');
            var download = await lead.GetAsync($"/exemplars/milestones/{id}/evidence/{file.Id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.False(download.Headers.Contains("X-Injected"));
        }
    }
}
