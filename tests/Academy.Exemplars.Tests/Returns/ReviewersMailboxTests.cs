using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Returns;

/// A site of its own: the shared mailbox is used only while no account is a national reviewer.
public sealed class ReviewersMailboxTests : IAsyncLifetime
{
    private const string Trust = "RA7";
    private const string Mailbox = "england.exemplars@nhs.test";
    private readonly AcademySite site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Exemplars:ReviewersEmail"] = Mailbox });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    private async Task<int> SubmittedReturnAsync(HttpClient lead, string periodStart)
    {
        var id = await ReturnSteps.StartAsync(lead, Trust, await Arrange.ParticipationIdAsync(site, Trust), periodStart);
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await ReturnSteps.SubmitAsync(lead, id)).StatusCode);
        return id;
    }

    [Fact]
    public async Task Submit_WhenNoOneIsAReviewer_EmailsTheMailbox_AndOnceThereIsOne_EmailsThemInstead()
    {
        var lead = await Arrange.LeadAsync(site, Trust);

        var first = await SubmittedReturnAsync(lead, "2017-03-01");
        await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {Mailbox}") && e.Contains($"/exemplars/returns/{first}/review"));

        var reviewer = await Arrange.PersonAsync(site, "reviewer", Roles.NationalReviewer, name: "Rita Reviewer");
        var second = await SubmittedReturnAsync(lead, "2017-06-01");
        var email = await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {reviewer}") && e.Contains($"/exemplars/returns/{second}/review"));

        Assert.Contains("Dear Rita Reviewer,", email);
        Assert.DoesNotContain(await ReturnSteps.StoredEmailsAsync(site), e => e.Contains($"To: {Mailbox}") && e.Contains($"/exemplars/returns/{second}/review"));
    }
}
