using System.Net;
using System.Net.Http.Headers;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Milestones;

public sealed class EvidenceTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RRK";
    private const string TrustB = "RC9";

    private static MultipartFormDataContent File(string name, byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Evidence", name);
        return content;
    }

    private static byte[] Pdf(int size = 2000)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task Upload_WhenPdf_StoresItUnderTheDataFolderAndServesItToTheTrustOnly()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var reviewer = await Arrange.ReviewerAsync(site);
        var id = await Arrange.MilestoneAsync(site, TrustA);

        var response = await Forms.PostMultipartAsync(lead, $"/exemplars/milestones/{id}?handler=Upload", File("go-live report.pdf", Pdf()), $"/exemplars/milestones/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = await Arrange.DbAsync(site, db => db.EvidenceFiles.AsNoTracking().SingleAsync(e => e.MilestoneId == id));
        Assert.True(System.IO.File.Exists(Path.Combine(site.DataFolder, "evidence", id.ToString(), file.StoredName)));
        var download = await lead.GetAsync($"/exemplars/milestones/{id}/evidence/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/exemplars/milestones/{id}/evidence/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLead.GetAsync($"/exemplars/milestones/{id}/evidence/{file.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("huge.pdf", 11 * 1024 * 1024, "The file must be smaller than 10MB")]
    [InlineData("tool.exe", 2000, "The selected file must be a PDF, Word, Excel, PowerPoint, PNG, JPEG, CSV or text file")]
    [InlineData("fake.png", 2000, "The content of the selected file does not match its type")]
    public async Task Upload_WhenFileIsRefused_ShowsTheErrorAndStoresNothing(string name, int size, string message)
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.MilestoneAsync(site, TrustA);

        var response = await Forms.PostMultipartAsync(lead, $"/exemplars/milestones/{id}?handler=Upload", File(name, Pdf(size)), $"/exemplars/milestones/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Evidence", message);
        Assert.False(await Arrange.DbAsync(site, db => db.EvidenceFiles.AnyAsync(e => e.MilestoneId == id)));
        Assert.False(Directory.Exists(Path.Combine(site.DataFolder, "evidence", id.ToString())));
    }

    [Fact]
    public async Task Upload_WhenFileIs30MB_ShowsTheSizeErrorBesideTheFieldNotAnErrorPage()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.MilestoneAsync(site, TrustA);

        var response = await Forms.PostMultipartAsync(lead, $"/exemplars/milestones/{id}?handler=Upload", File("scan.pdf", Pdf(30 * 1024 * 1024)), $"/exemplars/milestones/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Evidence", "The file must be smaller than 10MB");
        Assert.False(await Arrange.DbAsync(site, db => db.EvidenceFiles.AnyAsync(e => e.MilestoneId == id)));
    }

    [Fact]
    public async Task Upload_AsLeadOfAnotherTrust_ReturnsNotFound()
    {
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var id = await Arrange.MilestoneAsync(site, TrustA);
        var own = await Arrange.MilestoneAsync(site, TrustB);

        var response = await Forms.PostMultipartAsync(otherLead, $"/exemplars/milestones/{id}?handler=Upload", File("x.pdf", Pdf()), $"/exemplars/milestones/{own}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await Arrange.DbAsync(site, db => db.EvidenceFiles.AnyAsync(e => e.MilestoneId == id)));
    }
}
