namespace Academy.Web.Tests.HostileInput;

/// Every form of every module, found by walking the site as each role (nothing listed by hand, so pages that
/// modules add later are covered once they are linked), posted with hostile values: control characters, a
/// bidi override, 100,000 characters, 2026-02-30, huge and negative numbers, a script tag, no anti-forgery
/// token and oversized uploads. None may answer 5xx, echo the script, or store anything from a refused post.
public sealed class HostileFormTests(AcademySite site) : IClassFixture<AcademySite>
{
    public static TheoryData<string> People => ["anonymous", Roles.Learner, Roles.Ccio, Roles.TrustLead, Roles.NationalReviewer, Roles.Administrator];

    [Theory]
    [MemberData(nameof(People))]
    public async Task EveryForm_PostedWithHostileValues_AnswersWithoutServerErrorsAndStoresNothingRefused(string who)
    {
        var client = who switch
        {
            "anonymous" => site.CreateAnonymousClient(),
            Roles.Administrator => await site.SignInAsAdministratorAsync(),
            // The starter recipe's exemplar trusts include RRK; a trust-scoped person belongs to one.
            Roles.TrustLead or Roles.Ccio => await site.SignInAsNewUserAsync($"{who}-{Guid.NewGuid():N}@trust.test", [who], "RRK"),
            _ => await site.SignInAsNewUserAsync($"{who}-{Guid.NewGuid():N}@trust.test", [who]),
        };
        var forms = await SiteWalk.FormsAsync(client);
        Assert.NotEmpty(forms);

        var problems = await HostileForms.PostAllAsync(site, client, who, forms);

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {forms.Count} forms:\n" + string.Join("\n", problems.Take(60)));
    }
}
